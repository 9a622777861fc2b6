using System.Text.Json;
using Mapster;
using PricingApi.Audit;

namespace PricingApi.Regulator;

/// <summary>One audit entry as a regulator reads it: the stored before/after states as JSON objects, not strings.</summary>
public sealed class AuditEntryView
{
    /// <summary>Ascending with every entry written; entries are never edited or removed.</summary>
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>The key's name and role, or <c>seed</c>/<c>system</c>, or the operator at the command line.</summary>
    public required Actor Actor { get; init; }
    /// <summary>service-created, service-updated, service-deleted, version-published, key-created or key-revoked.</summary>
    public required string Action { get; init; }
    /// <summary>The service code, version number or key id the action was about.</summary>
    public required string Subject { get; init; }
    public string? ServiceCode { get; init; }
    /// <summary>The state before the change; absent for a creation or publication.</summary>
    public JsonElement? Before { get; init; }
    /// <summary>The state after the change; absent for a deletion or revocation.</summary>
    public JsonElement? After { get; init; }
}

/// <summary>One page of the audit trail, newest first.</summary>
public sealed record AuditPage(int Page, int PageSize, int Total, IReadOnlyList<AuditEntryView> Items);

public static class AuditMapping
{
    private static readonly TypeAdapterConfig Config = CreateConfig();

    /// <summary>Entity → view, for EF's final projection (the JSON is parsed after the rows are read).</summary>
    public static IQueryable<AuditEntryView> ToViews(this IQueryable<AuditEntry> entries) => entries.ProjectToType<AuditEntryView>(Config);

    private static TypeAdapterConfig CreateConfig()
    {
        var config = new TypeAdapterConfig();
        config.NewConfig<AuditEntry, AuditEntryView>()
            .Map(d => d.Actor, s => new Actor(s.ActorName, s.ActorRole))
            .Map(d => d.Before, s => Parse(s.Before))
            .Map(d => d.After, s => Parse(s.After));
        config.Compile();
        return config;
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
