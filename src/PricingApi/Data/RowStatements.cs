using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PricingApi.Data;

/// <summary>
/// One SQL statement run once for each of many rows, in the context's current transaction, compiled once: the group
/// commit's hot path. EF Core's <c>SaveChanges</c> sends one INSERT text per row, SQLite compiles every one of them
/// afresh (parse, resolve, plan), and EF compiles an <c>ExecuteUpdate</c> whose setters read the database anew on every
/// call: together the largest costs of a quote and a completion in the profiles (docs/benchmark.md, "Eighth round").
/// Columns and values come from the model (table and column names, each column's type mapping and value converter),
/// so a value is stored exactly as EF stores it. On SQLite one prepared command runs once per row (compiled once per
/// batch, in process, no round trip); where the provider batches commands (Npgsql) the rows go as one batch, one round
/// trip, as EF sends them. These commands bypass EF's command logging and interceptors.
/// A unique key violated throws the provider's <see cref="DbException"/>, which <see cref="DbContextExtensions.IsConflict(DbException)"/> recognises.
/// </summary>
public static class RowStatements
{
    private static readonly ConcurrentDictionary<IEntityType, RowStatement<object>> Inserts = new();

    /// <summary>
    /// Inserts new entities (every mapped column but the generated key) and hands each its generated key through
    /// <paramref name="setKey"/>, as <c>SaveChanges</c> would. Needs an open transaction. Only the rows themselves:
    /// related entities (lines) are inserted by the caller, after their parents, with their foreign keys set. An entity
    /// type this cannot store as <c>SaveChanges</c> would (a key or value generated on insert, a shadow property, another
    /// type in its table) is refused with <see cref="NotSupportedException"/> at its first insert.
    /// </summary>
    public static async Task InsertAsync<T>(this DbContext db, IReadOnlyList<T> rows, Action<T, long> setKey, CancellationToken ct = default)
        where T : class
    {
        var insert = Inserts.GetOrAdd(db.Model.FindEntityType(typeof(T))!, BuildInsert, db.GetService<ISqlGenerationHelper>());
        await RunAsync<object>(db, insert, rows, async (reader, i) =>
        {
            if (!await reader.ReadAsync(ct))
            {
                throw new InvalidOperationException($"The insert of {typeof(T).Name} returned no key.");
            }

            setKey(rows[i], reader.GetInt64(0));
        }, ct);
    }

    /// <summary>Runs <paramref name="statement"/> once per row; the number of rows it changed in all. Needs an open transaction.</summary>
    public static Task<int> ExecuteForEachAsync<T>(this DbContext db, RowStatement<T> statement, IReadOnlyList<T> rows, CancellationToken ct = default) =>
        RunAsync(db, statement, rows, null, ct);

    /// <summary>Runs the statement for every row, hands each row's result to <paramref name="read"/>, and answers the rows changed in all.</summary>
    private static async Task<int> RunAsync<T>(
        DbContext db, RowStatement<T> statement, IReadOnlyList<T> rows, Func<DbDataReader, int, Task>? read, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("Row statements run inside the caller's transaction.");
        var connection = transaction.Connection!;
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var changed = 0;
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var one = batch.CreateBatchCommand();
                one.CommandText = statement.Sql;
                statement.Bind(one.Parameters, command, row);
                batch.BatchCommands.Add(one);
            }

            await using (var results = await batch.ExecuteReaderAsync(ct))
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (read is not null)
                    {
                        await read(results, i);
                    }

                    await results.NextResultAsync(ct);
                }
            }

            foreach (DbBatchCommand one in batch.BatchCommands)
            {
                changed += one.RecordsAffected;
            }

            return changed;
        }

        // SQLite: the command keeps its compiled statement while its text stays the same; only the values change per row.
        command.CommandText = statement.Sql;
        for (var i = 0; i < rows.Count; i++)
        {
            command.Parameters.Clear();
            statement.Bind(command.Parameters, command, rows[i]);
            await using var result = await command.ExecuteReaderAsync(ct);
            if (read is not null)
            {
                await read(result, i);
            }

            await result.CloseAsync();
            changed += result.RecordsAffected;
        }

        return changed;
    }

    private static RowStatement<object> BuildInsert(IEntityType entity, ISqlGenerationHelper sql)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var columns = entity.GetFlattenedProperties().Where(p => p != key).ToList();
        // What SaveChanges would write and this statement would not: refused at the first insert, not stored wrong.
        var refusal = key.ValueGenerated != ValueGenerated.OnAdd ? $"its key {key.Name} is not generated by the database"
            : columns.Find(p => p.ValueGenerated != ValueGenerated.Never) is { } generated ? $"{generated.Name} is generated on insert"
            : columns.Find(p => p.IsShadowProperty()) is { } shadow ? $"{shadow.Name} is a shadow property, with no value on the entity"
            : entity.Model.GetEntityTypes().FirstOrDefault(e => e != entity && StoreObjectIdentifier.Create(e, StoreObjectType.Table) == table) is { } sharing
                ? $"{sharing.DisplayName()} is stored in the same table"
            : null;
        if (refusal is not null)
        {
            throw new NotSupportedException($"{entity.DisplayName()} cannot be inserted by RowStatements: {refusal}. Insert it with SaveChanges, or extend RowStatements.");
        }

        var parameters = columns.Select((p, i) => new RowParameter<object>($"p{i}", p, p.GetGetter().GetClrValueUsingContainingEntity)).ToList();
        return new RowStatement<object>(
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", parameters.Select(p => sql.GenerateParameterNamePlaceholder(p.Name)))}) RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}",
            parameters, sql);
    }
}

/// <summary>A parameter of a <see cref="RowStatement{T}"/>: its name, the property whose column it is compared with or stored in (for its type mapping and converter), and its value for a row.</summary>
public sealed record RowParameter<T>(string Name, IProperty Property, Func<T, object?> Value);

/// <summary>A statement with parameters taken from each row (see <see cref="RowStatements"/>); placeholders are written <c>@name</c>-style by <see cref="ISqlGenerationHelper"/>.</summary>
public sealed class RowStatement<T>(string sql, IReadOnlyList<RowParameter<T>> parameters, ISqlGenerationHelper names)
{
    private readonly (string Name, RowParameter<T> Parameter, RelationalTypeMapping Mapping)[] _parameters =
        parameters.Select(p => (names.GenerateParameterName(p.Name), p, p.Property.GetRelationalTypeMapping())).ToArray();

    public string Sql { get; } = sql;

    /// <summary>Adds the row's values, converted as EF converts them (<paramref name="factory"/> only creates the parameters).</summary>
    public void Bind(DbParameterCollection into, DbCommand factory, T row)
    {
        foreach (var (name, parameter, mapping) in _parameters)
        {
            into.Add(mapping.CreateParameter(factory, name, parameter.Value(row), parameter.Property.IsNullable));
        }
    }
}
