namespace PricingApi.Audit;

/// <summary>
/// One change to the catalog, one publication, or one key event: who did it, when, and the
/// state before and after (as JSON). Append-only: no code path updates or deletes a row, and the
/// database refuses it too (see the migration's triggers).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ActorName { get; set; }
    public required string ActorRole { get; set; }
    public required string Action { get; set; }
    /// <summary>The service code, version number or key id the action was about.</summary>
    public required string Subject { get; set; }
    public string? ServiceCode { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>The actions the audit records, as regulators see them.</summary>
public static class AuditActions
{
    public const string ServiceCreated = "service-created";
    public const string ServiceUpdated = "service-updated";
    public const string ServiceDeleted = "service-deleted";
    public const string VersionPublished = "version-published";
    public const string VersionWithdrawn = "version-withdrawn";
    public const string PublicationProposed = "publication-proposed";
    public const string PublicationApproved = "publication-approved";
    public const string PublicationRejected = "publication-rejected";
    public const string RulesConfigurationChanged = "rules-configuration-changed";
    public const string KeyCreated = "key-created";
    public const string KeyRevoked = "key-revoked";
    public const string PersonalDataErased = "personal-data-erased";
}
