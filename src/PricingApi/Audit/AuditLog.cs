using System.Text.Json;
using PricingApi.Data;
using PricingApi.Http;

namespace PricingApi.Audit;

/// <summary>
/// Adds audit entries to the same unit of work as the change they describe, so a change and its
/// record are saved together or not at all.
/// </summary>
public sealed class AuditLog(PricingDbContext db, TimeProvider time)
{
    public void Record(Actor actor, string action, string subject, string? serviceCode = null, object? before = null, object? after = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorName = actor.Name,
            ActorRole = actor.Role,
            Action = action,
            Subject = subject,
            ServiceCode = serviceCode,
            Before = before is null ? null : JsonSerializer.Serialize(before, PricingJson.Options),
            After = after is null ? null : JsonSerializer.Serialize(after, PricingJson.Options),
        });
}
