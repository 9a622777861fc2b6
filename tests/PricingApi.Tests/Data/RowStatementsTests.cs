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
    public async Task AQuoteAndItsLinesAreStoredColumnForColumnAsSaveChangesStoresThem()
    {
        await using var app = new PricingApiFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var bySaveChanges = NewQuote("RI-1", optionalValues: true);
        var byRowInsert = NewQuote("RI-2", optionalValues: true);
        var withNulls = NewQuote("RI-3", optionalValues: false);

        db.Quotes.Add(bySaveChanges);
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAsync([byRowInsert, withNulls], static (quote, id) =>
            {
                quote.Id = id;
                quote.Lines.ForEach(line => line.QuoteId = id);
            });
            await db.InsertAsync(byRowInsert.Lines.Concat(withNulls.Lines).ToList(), static (line, id) => line.Id = id);
            await transaction.CommitAsync();
        }

        Assert.NotEqual(0, byRowInsert.Id);
        Assert.NotEqual(withNulls.Id, byRowInsert.Id);
        var saved = await RowAsync(db, "Quotes", bySaveChanges.Id);
        var inserted = await RowAsync(db, "Quotes", byRowInsert.Id);
        Assert.Equal(saved.Keys.Order(), inserted.Keys.Order());
        Assert.Equal(Except(saved, "Id", "Number", "IdempotencyKey"), Except(inserted, "Id", "Number", "IdempotencyKey"));
        Assert.Equal(Except(await RowAsync(db, "QuoteLines", bySaveChanges.Lines[0].Id), "Id", "QuoteId"),
            Except(await RowAsync(db, "QuoteLines", byRowInsert.Lines[0].Id), "Id", "QuoteId"));
        Assert.Equal($"Int64:{byRowInsert.Id}", (await RowAsync(db, "QuoteLines", byRowInsert.Lines[0].Id))["QuoteId"]);

        // Read back through EF: every value, including the nulls and the customer's columns, is what was inserted.
        db.ChangeTracker.Clear();
        var read = await db.Quotes.Include(q => q.Lines).SingleAsync(q => q.Id == withNulls.Id);
        Assert.Equal(withNulls.Customer, read.Customer);
        Assert.Equal((withNulls.Status, withNulls.CreatedAt, withNulls.ValidUntil, withNulls.Total, withNulls.IdempotencyKey, withNulls.AcceptedAt),
            (read.Status, read.CreatedAt, read.ValidUntil, read.Total, read.IdempotencyKey, read.AcceptedAt));
        Assert.Equal(12.35m, Assert.Single(read.Lines).UnitPrice);
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
                i => reader.IsDBNull(i) ? null : $"{reader.GetFieldType(i).Name}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<string, string?> Except(Dictionary<string, string?> row, params string[] columns) =>
        row.Where(c => !columns.Contains(c.Key)).OrderBy(c => c.Key).ToDictionary();
}
