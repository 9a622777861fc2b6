using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PricingApi.Audit;
using PricingApi.Data;

namespace PricingApi.ApiKeys;

/// <summary>
/// <c>keys create --role R --name N</c>, <c>keys list</c>, <c>keys revoke ID</c>: run from the command line
/// against the configured database. A new key is printed once, alone, on the last line of standard output.
/// <c>--operator NAME</c> on create and revoke names the person in the audit trail (default: the OS account).
/// </summary>
public static class KeyCommands
{
    public static bool IsKeysCommand(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var operatorName = Option(args, "--operator");
        if (args.Contains("--operator") && (operatorName is null || string.IsNullOrWhiteSpace(operatorName) || operatorName.Length > 200 || operatorName.Any(char.IsControl)))
        {
            error.WriteLine("--operator names the person running the command (at most 200 characters, no control characters).");
            return 2;
        }

        var actor = Actor.CommandLine(operatorName);

        switch (args.ElementAtOrDefault(1))
        {
            case "create":
                return await CreateAsync(Option(args, "--role"), Option(args, "--name"), actor, db, audit, time, output, error);
            case "list":
                return await ListAsync(db, output);
            case "revoke" when args.Length == 3 || (args.Length == 5 && args[3] == "--operator"):
                return await RevokeAsync(args[2], actor, db, audit, time, output, error);
            case "signing":
                return Publishing.Signing.SigningKeyCommands.Run(args, services, output, error);
            default:
                error.WriteLine("usage: keys create --role <staff|pricing-admin|regulator> --name <name> [--operator <your name>]");
                error.WriteLine("       keys list");
                error.WriteLine("       keys revoke <id> [--operator <your name>]");
                error.WriteLine("       keys signing create|rotate");
                return 2;
        }
    }

    private static async Task<int> CreateAsync(string? role, string? name, Actor actor, PricingDbContext db, AuditLog audit, TimeProvider time, TextWriter output, TextWriter error)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            error.WriteLine($"--role must be one of: {string.Join(", ", Roles.All)}.");
            return 2;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Length > 200)
        {
            error.WriteLine("--name is required (at most 200 characters): it names the holder in the audit trail, e.g. \"Counter 3\".");
            return 2;
        }

        // The audit trail and each version's publishedBy name the holder by the key's name: two keys in use under one
        // name would make "who changed what" unanswerable for a regulator.
        var holder = name.Trim();
        if (await db.ApiKeys.AsNoTracking().Where(k => k.Name == holder && k.RevokedAt == null).Select(k => (int?)k.Id).FirstOrDefaultAsync() is { } taken)
        {
            error.WriteLine($"A key in use (id {taken}) is named \"{holder}\", and the audit trail names holders by it: give this key a name of its own, "
                            + $"e.g. the person's (\"{holder}, 王工\"), or revoke key {taken} first.");
            return 2;
        }

        var (key, keyId, hash) = ApiKeySecrets.Generate();
        var apiKey = new ApiKey { KeyId = keyId, Name = holder, Role = role, SecretHash = hash, CreatedAt = time.GetUtcNow() };
        db.ApiKeys.Add(apiKey);
        audit.Record(actor, AuditActions.KeyCreated, keyId, after: new { keyId, name = apiKey.Name, role });
        await db.SaveChangesAsync();

        output.WriteLine($"Created {role} key {apiKey.Id} for \"{apiKey.Name}\" (key id {keyId}).");
        output.WriteLine("Store it now: it is shown only this once, and only its hash is kept.");
        output.WriteLine(key);
        return 0;
    }

    private static async Task<int> ListAsync(PricingDbContext db, TextWriter output)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync();
        output.WriteLine($"{"id",-5} {"key id",-17} {"role",-14} {"created (UTC)",-20} {"revoked (UTC)",-20} name");
        foreach (var k in keys)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k.Id,-5} {k.KeyId,-17} {k.Role,-14} {k.CreatedAt.UtcDateTime,-20:yyyy-MM-dd HH:mm:ss} {(k.RevokedAt is { } r ? r.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-"),-20} {k.Name}"));
        }

        return 0;
    }

    private static async Task<int> RevokeAsync(string id, Actor actor, PricingDbContext db, AuditLog audit, TimeProvider time, TextWriter output, TextWriter error)
    {
        var key = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == number)
            : await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyId == id);
        if (key is null)
        {
            error.WriteLine($"No key with id {id}; see 'keys list'.");
            return 1;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            audit.Record(actor, AuditActions.KeyRevoked, key.KeyId, before: new { keyId = key.KeyId, name = key.Name, role = key.Role });
            await db.SaveChangesAsync();
        }

        output.WriteLine($"Key {key.Id} (\"{key.Name}\", {key.Role}) is revoked.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
