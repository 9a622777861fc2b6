using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Audit;
using PricingApi.Connections;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.LegalBases;
using PricingApi.Pricing;
using PricingApi.Providers;
using PricingApi.ServiceArea;
using PricingApi.Utility;
using PricingApi.FeeList;

namespace PricingApi.Publishing;

/// <summary>One named piece of configuration that changes the rules a published list is judged by.</summary>
public sealed record RuleSetting(string Name, Func<IServiceProvider, object?> Read);

/// <summary>
/// Configuration is policy too: a lower cap, another VAT list, a moved service area change what may be published and
/// charged, without anyone touching the catalog. At each start the named rule settings are compared with those of the
/// last start (kept in the audit trail, whose subject is their SHA-256 fingerprint); when any differs, an audit entry
/// says which, with the values before and after. A feature adds its own with <see cref="AddRuleSetting"/>.
/// </summary>
public static class RuleConfiguration
{
    public static readonly Actor ServiceStart = new("service start", "system");

    public static IServiceCollection AddRuleSetting(this IServiceCollection services, string name, Func<IServiceProvider, object?> read) =>
        services.AddSingleton(new RuleSetting(name, read));

    /// <summary>
    /// The settings that change what may be published, quoted and charged: the cost-profit cap, the VAT rates and
    /// pricing forms allowed, the service area, the providers, the register of legal bases and the connection policy.
    /// </summary>
    public static IServiceCollection AddRuleSettings(this IServiceCollection services) =>
        services
            .AddRuleSetting("Pricing:CostProfitCap", sp => sp.GetRequiredService<CostProfitCap>().Rate)
            .AddRuleSetting("Pricing:VatRates", sp => sp.GetRequiredService<IOptions<PricingOptions>>().Value.AllowedVatRates)
            .AddRuleSetting("Pricing:ExtendedPricingForms", sp => sp.GetRequiredService<IOptions<PricingOptions>>().Value.AllowedExtendedPricingForms)
            .AddRuleSetting(ServiceAreaOptions.Section, sp => ServiceAreaEntry.From(sp.GetRequiredService<IOptions<ServiceAreaOptions>>().Value))
            .AddRuleSetting(ProvidersOptions.Section, sp => sp.GetRequiredService<IOptions<ProvidersOptions>>().Value.Companies)
            .AddRuleSetting(LegalBasisOptions.Section, sp => sp.GetRequiredService<LegalBasisRegister>().Clauses)
            .AddRuleSetting(ConnectionOptions.Section, sp => sp.GetRequiredService<IOptions<ConnectionOptions>>().Value);

    /// <summary>The current values, by name, each as JSON.</summary>
    public static SortedDictionary<string, JsonNode?> Current(IServiceProvider services) =>
        new(services.GetServices<RuleSetting>().ToDictionary(
            s => s.Name, s => JsonSerializer.SerializeToNode(s.Read(services), PricingJson.Options)), StringComparer.Ordinal);

    public static string Fingerprint(SortedDictionary<string, JsonNode?> values) =>
        Sha256.Hex(Encoding.UTF8.GetBytes(new JsonObject(values.Select(v => KeyValuePair.Create(v.Key, v.Value?.DeepClone()))).ToJsonString(PricingJson.Options)));

    /// <summary>Records the rule settings when they differ from the last start's (or when none were recorded yet).</summary>
    public static async Task RecordAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PricingDbContext>();
        var current = Current(scope.ServiceProvider);
        var fingerprint = Fingerprint(current);
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditActions.RulesConfigurationChanged)
            .OrderByDescending(a => a.Id).Select(a => new { a.Subject, a.After }).FirstOrDefaultAsync(ct);
        if (last?.Subject == fingerprint)
        {
            return;
        }

        var previous = last?.After is { } after ? JsonNode.Parse(after)?["values"]?.AsObject() : null;
        var changed = current.Keys.Union(previous?.Select(p => p.Key) ?? [], StringComparer.Ordinal)
            .Where(name => !JsonNode.DeepEquals(current.GetValueOrDefault(name), previous?[name]))
            .Order(StringComparer.Ordinal).ToList();
        scope.ServiceProvider.GetRequiredService<AuditLog>().Record(ServiceStart, AuditActions.RulesConfigurationChanged, fingerprint,
            before: previous is null ? null : new { values = previous },
            after: new { changed, values = current });
        await db.SaveChangesAsync(ct);
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RuleConfiguration))
            .LogInformation("Rule configuration {Fingerprint} recorded; changed: {Changed}.", fingerprint, string.Join(", ", changed));
    }
}
