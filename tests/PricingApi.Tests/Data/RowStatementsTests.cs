using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using PricingApi.Data;
using PricingApi.Quotes;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Data;

/// <summary>
/// The group commit inserts quotes, charges and their lines with <see cref="RowStatements"/> instead of SaveChanges. These
/// tests hold it to storing every column exactly as SaveChanges stores it (value converters, a complex property's
/// columns, nulls, decimals, instants), on whichever database the suite runs against, and to reporting a taken unique key
/// as a conflict the writer recognises.
/// </summary>
public sealed class RowStatementsTests
{
    [Fact]
    public async Task QuotesChargesAndTheirLinesAreStoredColumnForColumnAsSaveChangesStoresThem()
    {
        await using var app = new PricingApiFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var (bySaveChanges, byRowInsert) = (NewQuote("RI-1", optionalValues: true), NewQuote("RI-2", optionalValues: true));
        db.Quotes.Add(bySaveChanges);
        await db.SaveChangesAsync();
        var savedCharge = NewCharge(bySaveChanges.Id);
        db.Charges.Add(savedCharge);
        await db.SaveChangesAsync();

        Charge insertedCharge;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAsync([byRowInsert], static (quote, id) =>
            {
                quote.Id = id;
                quote.Lines.ForEach(line => line.QuoteId = id);
            });
            await db.InsertAsync(byRowInsert.Lines, static (line, id) => line.Id = id);
            insertedCharge = NewCharge(byRowInsert.Id);
            await db.InsertAsync([insertedCharge], static (charge, id) =>
            {
                charge.Id = id;
                charge.Lines.ForEach(line => line.ChargeId = id);
            });
            await db.InsertAsync(insertedCharge.Lines, static (line, id) => line.Id = id);
            await transaction.CommitAsync();
        }

        // Every column of the rows SaveChanges wrote holds a value, so a column the insert left out cannot pass as a null.
        foreach (var (table, saved, inserted, keys) in new[]
                 {
                     ("Quotes", bySaveChanges.Id, byRowInsert.Id, new[] { "Id", "Number", "IdempotencyKey" }),
                     ("QuoteLines", bySaveChanges.Lines[0].Id, byRowInsert.Lines[0].Id, ["Id", "QuoteId"]),
                     ("Charges", savedCharge.Id, insertedCharge.Id, ["Id", "QuoteId"]),
                     ("ChargeLines", savedCharge.Lines[0].Id, insertedCharge.Lines[0].Id, ["Id", "ChargeId"]),
                 })
        {
            var savedRow = await RowAsync(db, table, saved);
            Assert.All(savedRow, column => Assert.NotNull(column.Value));
            Assert.Equal(Except(savedRow, keys), Except(await RowAsync(db, table, inserted), keys));
        }

        Assert.Equal($"Int64:{byRowInsert.Id}", (await RowAsync(db, "QuoteLines", byRowInsert.Lines[0].Id))["QuoteId"]);
        Assert.Equal($"Int64:{insertedCharge.Id}", (await RowAsync(db, "ChargeLines", insertedCharge.Lines[1].Id))["ChargeId"]);
        Assert.Null((await RowAsync(db, "ChargeLines", insertedCharge.Lines[1].Id))["ListUnitPrice"]);
    }

    [Fact]
    public async Task NullsAndACustomersColumnsReadBackThroughEfAsInserted()
    {
        await using var app = new PricingApiFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var (first, withNulls) = (NewQuote("RI-3", optionalValues: true), NewQuote("RI-4", optionalValues: false));
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAsync([first, withNulls], static (quote, id) =>
            {
                quote.Id = id;
                quote.Lines.ForEach(line => line.QuoteId = id);
            });
            await db.InsertAsync(withNulls.Lines, static (line, id) => line.Id = id);
            await transaction.CommitAsync();
        }

        Assert.NotEqual(first.Id, withNulls.Id);
        var read = await db.Quotes.AsNoTracking().Include(q => q.Lines).SingleAsync(q => q.Id == withNulls.Id);
        Assert.Equal(withNulls.Customer, read.Customer);
        Assert.Equal((withNulls.Status, withNulls.CreatedAt, withNulls.ValidUntil, withNulls.Total, withNulls.IdempotencyKey, withNulls.AcceptedAt, withNulls.CancelledAt),
            (read.Status, read.CreatedAt, read.ValidUntil, read.Total, read.IdempotencyKey, read.AcceptedAt, read.CancelledAt));
        Assert.Equal(12.35m, Assert.Single(read.Lines).UnitPrice);
    }

    /// <summary>
    /// The group commit inserts each related entity itself (QuoteIssuer.InsertAsync), parents first. A navigation added
    /// to these entities would be silently left out of the batch, where SaveChanges inserted the whole graph: this test
    /// names the ones it inserts, so adding one fails here first.
    /// </summary>
    [Fact]
    public async Task TheGroupCommitInsertsEveryRelatedEntityOfQuotesAndCharges()
    {
        await using var app = new PricingApiFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<PricingDbContext>().Model;

        string[] Navigations<T>() => model.FindEntityType(typeof(T))!.GetNavigations().Select(n => n.Name).Order().ToArray();

        Assert.Equal([nameof(Quote.Charge), nameof(Quote.Lines)], Navigations<Quote>());
        Assert.Equal([nameof(Charge.Lines)], Navigations<Charge>());
        Assert.Empty(Navigations<QuoteLine>());
        Assert.Empty(Navigations<ChargeLine>());
    }

    [Fact]
    public async Task ATakenUniqueKeyIsAConflictAndTheTransactionSavesNothing()
    {
        await using var app = new PricingApiFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        db.Quotes.Add(NewQuote("RI-DUP", optionalValues: true));
        await db.SaveChangesAsync();
        var before = await db.Quotes.CountAsync();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var e = await Assert.ThrowsAnyAsync<DbException>(() =>
                db.InsertAsync([NewQuote("RI-NEW", optionalValues: false), NewQuote("RI-DUP", optionalValues: false)], static (q, id) => q.Id = id));
            Assert.True(DbContextExtensions.IsConflict(e));
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await db.Quotes.CountAsync());
        Assert.False(await db.Quotes.AnyAsync(q => q.Number == "RI-NEW"));
    }

    [Fact]
    public async Task RowsAreInsertedOnlyInsideATransaction()
    {
        await using var app = new PricingApiFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAsync([NewQuote("RI-X", optionalValues: false)], static (q, id) => q.Id = id));
    }

    private static Quote NewQuote(string number, bool optionalValues)
    {
        var at = new DateTimeOffset(2026, 11, 30, 9, 15, 30, 123, TimeSpan.FromHours(8));
        return new Quote
        {
            Number = number,
            Status = optionalValues ? QuoteStatus.Accepted : QuoteStatus.Issued,
            FeeListVersion = 3,
            CreatedAt = at,
            ValidUntil = at.AddDays(30),
            Customer = new QuoteCustomer("王五", "13800000000", "幸福路 1 号", "东城区", optionalValues ? "幸福街道" : null),
            ProviderId = "P-1",
            ProviderName = "某市供水有限公司",
            Total = 123.45m,
            CreatedBy = "柜台 1",
            CreatedByKeyId = "key-1",
            IdempotencyKey = optionalValues ? $"idem-{number}" : null,
            RequestHash = new string('a', 64),
            AcceptedAt = optionalValues ? at.AddMinutes(5) : null,
            AcceptedBy = optionalValues ? "柜台 1" : null,
            AcceptedByKeyId = optionalValues ? "key-1" : null,
            AcceptanceIdempotencyKey = optionalValues ? "accept-1" : null,
            CancelledAt = optionalValues ? at.AddMinutes(6).AddTicks(1234) : null,
            CancelledBy = optionalValues ? "柜台 2" : null,
            CompletedAt = optionalValues ? at.AddMinutes(7) : null,
            PersonalDataErasedAt = optionalValues ? at.AddYears(3) : null,
            Lines =
            [
                new QuoteLine
                {
                    LineNumber = 1, ServiceCode = "EXT-TEST-9", Name = "测试清洗", NameEn = "Test cleaning", Unit = "次", UnitEn = "time",
                    Quantity = 10m, UnitPrice = 12.35m, LineTotal = 123.50m, LegalBasis = "依据",
                },
            ],
        };
    }

    private static Charge NewCharge(long quoteId) => new()
    {
        QuoteId = quoteId,
        ChargedAt = new DateTimeOffset(2026, 11, 30, 10, 0, 0, 456, TimeSpan.FromHours(8)).AddTicks(789),
        FeeListVersionAtCharge = 4,
        Total = 111.15m,
        ChargedBy = "柜台 1",
        ChargedByKeyId = "key-1",
        IdempotencyKey = "complete-1",
        RequestHash = new string('b', 64),
        Lines =
        [
            new ChargeLine
            {
                LineNumber = 1, ServiceCode = "EXT-TEST-9", Quantity = 9m, QuotedUnitPrice = 12.35m, ListUnitPrice = 11.95m,
                UnitPrice = 11.95m, FeeListVersion = 4, LineTotal = 107.55m,
            },
            new ChargeLine
            {
                LineNumber = 2, ServiceCode = "EXT-TEST-8", Quantity = 1.5m, QuotedUnitPrice = 2.40m, ListUnitPrice = null,
                UnitPrice = 2.40m, FeeListVersion = 3, LineTotal = 3.60m,
            },
        ],
    };

    /// <summary>A row's stored values as the database hands them back, by column name.</summary>
    private static async Task<Dictionary<string, string?>> RowAsync(PricingDbContext db, string table, long id)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var sql = db.GetService<ISqlGenerationHelper>();
            command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(table)} WHERE {sql.DelimitIdentifier("Id")} = {id}";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                i => reader.IsDBNull(i) ? null : $"{reader.GetFieldType(i).Name}:{reader.GetValue(i) switch
                {
                    DateTime time => time.ToString("O"), // to the tick, with its kind
                    var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                }}");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<string, string?> Except(Dictionary<string, string?> row, params string[] columns) =>
        row.Where(c => !columns.Contains(c.Key)).OrderBy(c => c.Key).ToDictionary();
}

/// <summary>An entity type the row insert would store differently from SaveChanges is refused, not stored wrong.</summary>
public sealed class RowStatementsRefusalTests
{
    [Theory]
    [InlineData(typeof(Shadowed), "Note is a shadow property")]
    [InlineData(typeof(Owner), "is stored in the same table")]
    [InlineData(typeof(Keyed), "its key Id is not generated by the database")]
    [InlineData(typeof(Defaulted), "Count is generated on insert")]
    public async Task WhatSaveChangesWouldWriteDifferentlyIsRefused(Type type, string reason)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new ScratchContext(new DbContextOptionsBuilder<ScratchContext>().UseSqlite(connection).Options);
        await db.Database.EnsureCreatedAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();

        var insert = type == typeof(Shadowed) ? db.InsertAsync([new Shadowed()], static (_, _) => { })
            : type == typeof(Owner) ? db.InsertAsync([new Owner { Where = new Place { City = "昆明" } }], static (_, _) => { })
            : type == typeof(Keyed) ? db.InsertAsync([new Keyed { Id = 7 }], static (_, _) => { })
            : db.InsertAsync([new Defaulted()], static (_, _) => { });

        var e = await Assert.ThrowsAsync<NotSupportedException>(() => insert);
        Assert.Contains(reason, e.Message);
        Assert.Equal(0L, Convert.ToInt64(await CountAsync(connection, type.Name)));
    }

    private static async Task<object?> CountAsync(System.Data.Common.DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return await command.ExecuteScalarAsync();
    }

    public sealed class Shadowed { public long Id { get; set; } }
    public sealed class Owner { public long Id { get; set; } public Place Where { get; set; } = new(); }
    public sealed class Place { public string City { get; set; } = ""; }
    public sealed class Keyed { public long Id { get; set; } }
    public sealed class Defaulted { public long Id { get; set; } public int Count { get; set; } }

    private sealed class ScratchContext(DbContextOptions<ScratchContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            model.Entity<Shadowed>().ToTable("Shadowed").Property<string>("Note");
            model.Entity<Owner>().ToTable("Owner").OwnsOne(o => o.Where);
            model.Entity<Keyed>().ToTable("Keyed").Property(k => k.Id).ValueGeneratedNever();
            model.Entity<Defaulted>().ToTable("Defaulted").Property(d => d.Count).HasDefaultValue(3);
        }
    }
}
