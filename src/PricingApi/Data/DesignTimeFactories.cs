using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PricingApi.Data;

// Used only by `dotnet ef migrations add`: each provider's context is built without running the service.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePricingDbContext>
{
    public SqlitePricingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePricingDbContext>().UseSqlite(DatabaseSetup.DefaultSqlite).Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPricingDbContext>
{
    public PostgresPricingDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPricingDbContext>().UseNpgsql("Host=localhost;Database=pricing_design").Options);
}
