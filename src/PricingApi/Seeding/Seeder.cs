using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PricingApi.Audit;
using PricingApi.Catalog;
using PricingApi.Data;
using PricingApi.Http;
using PricingApi.Pricing;
using PricingApi.Publishing;
using PricingApi.Utility;
using PricingApi.FeeList;

namespace PricingApi.Seeding;

/// <summary>
/// Fills an empty database from <c>seed/</c> and publishes it as version 1. A database that holds any
/// catalog item or version is never touched. Seed items pass the same validation and cap check as the
/// admin API, so a bad seed stops the start with the item and the rule named.
/// </summary>
public sealed class Seeder(
    PricingDbContext db, IValidator<ServiceRequest> validator, CostProfitCap cap, UtilityClock clock,
    AuditLog audit, FeeListPublisher publisher, LegalBases.LegalBasisRegister register, IOptions<SeedOptions> options, ILogger<Seeder> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled || await db.CatalogItems.AnyAsync(ct) || await db.FeeListVersions.AnyAsync(ct))
        {
            return;
        }

        var seed = await ReadAsync(options.Value.Path, ct);
        foreach (var (request, kind) in seed.BasicServices.Select(r => (r, ServiceKind.Basic))
                     .Concat(seed.ExtendedServices.Select(r => (r, ServiceKind.Extended))))
        {
            request.Kind = kind;
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid)
            {
                throw new InvalidOperationException($"Seed item {request.Code}: {validation}");
            }

            var seededBasics = seed.BasicServices.Where(b => b.Code != request.Code).Select(b => (b.Code!, b.Name!));
            if ((CatalogRules.BrokenRule(request, cap) ?? FreePaidLine.BrokenRule(request, register, seededBasics)) is { } rule)
            {
                throw new InvalidOperationException($"Seed item {request.Code}: {rule}");
            }

            var item = CatalogRules.Create(request, clock.Now);
            db.CatalogItems.Add(item);
            audit.Record(Actor.Seed, AuditActions.ServiceCreated, item.Code, item.Code, after: item.ToResponse(cap));
        }

        await db.SaveChangesAsync(ct);
        var outcome = await publisher.PublishAsync(Actor.Seed, null, ct, sample: seed.Sample);
        if (outcome is not PublishOutcome.Published published)
        {
            throw new InvalidOperationException($"The seed catalog could not be published: {outcome}");
        }

        logger.LogInformation("Seeded {Basic} basic and {Extended} extended services from {Path}; published as version {Version}.",
            seed.BasicServices.Count, seed.ExtendedServices.Count, options.Value.Path, published.Version.Version);
    }

    private static async Task<SeedCatalog> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The seed catalog was not found at {path}. Set Seed:Path, or Seed:Enabled=false to start empty.", path);
        }

        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<SeedCatalog>(stream, PricingJson.Options, ct)
               ?? throw new InvalidOperationException($"The seed catalog at {path} is empty.");
    }
}
