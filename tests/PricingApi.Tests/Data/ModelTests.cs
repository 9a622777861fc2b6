using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using PricingApi.Data;

namespace PricingApi.Tests.Data;

/// <summary>
/// Start-up trusts two generated artefacts instead of rebuilding and re-checking the model on every start:
/// the migrations (DatabaseSetup skips EF's pending-changes check when every migration is applied) and the
/// compiled models in Data/CompiledModels (EF uses them instead of running OnModelCreating). These tests fail
/// when the entities change and either was not regenerated; docs/development.md, "Changing the model", says how.
/// </summary>
public class ModelTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EveryModelChangeHasAMigration(string provider)
    {
        using var db = Create(provider);

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model has changes without a migration: dotnet ef migrations add <Name> --project src/PricingApi --context {db.GetType().Name} --output-dir Data/Migrations/…");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void TheCompiledModelIsTheModelTheCodeBuilds(string provider)
    {
        using var db = Create(provider);
        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.StartsWith("PricingApi.Data.CompiledModels.", compiled.GetType().FullName); // in use, not built at start
        Assert.Equal(Describe(built), Describe(compiled));
    }

    private static PricingDbContext Create(string provider) => provider == "sqlite"
        ? new SqlitePricingDbContext(new DbContextOptionsBuilder<SqlitePricingDbContext>().UseSqlite("Data Source=:memory:").Options)
        : new PostgresPricingDbContext(new DbContextOptionsBuilder<PostgresPricingDbContext>().UseNpgsql("Host=localhost").Options);

    /// <summary>What the database and the mapping depend on: tables, columns and their types, keys, indexes, relationships.</summary>
    private static List<string> Describe(IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
            new[] { $"{e.Name} table={e.GetTableName()} base={e.BaseType?.Name} discriminator={e.GetDiscriminatorValue()}" }
                .Concat(e.GetDeclaredProperties().OrderBy(p => p.Name, StringComparer.Ordinal).Select(p =>
                    $"{e.Name}.{p.Name} {p.ClrType.Name} column={p.GetColumnName()} type={p.GetColumnType()} nullable={p.IsNullable} " +
                    $"maxLength={p.GetMaxLength()} precision={p.GetPrecision()},{p.GetScale()} converter={p.GetValueConverter()?.GetType().Name} " +
                    $"concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated}"))
                .Concat(e.GetDeclaredKeys().Select(k => $"{e.Name} key ({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}"))
                .Concat(e.GetDeclaredIndexes().Select(i => $"{e.Name} index ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}"))
                .Concat(e.GetDeclaredForeignKeys().Select(f =>
                    $"{e.Name} foreign key ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} on delete {f.DeleteBehavior}")))
            .ToList();
}
