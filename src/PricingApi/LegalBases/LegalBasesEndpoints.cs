using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PricingApi.ApiKeys;

namespace PricingApi.LegalBases;

/// <summary>The register of legal bases: what catalog items may cite, and whether each clause makes a service free.</summary>
public static class LegalBasesEndpoints
{
    public static IServiceCollection AddLegalBases(this IServiceCollection services)
    {
        // The city profile's part of the register (Utility:Profile); LegalBases:Profile only to name another explicitly.
        services.AddOptions<LegalBasisOptions>().Configure<IConfiguration>((o, c) => o.Profile = Profiles.CityProfiles.For(c).Id)
            .BindConfiguration(LegalBasisOptions.Section)
            .Validate(RegisterLoads, "The register of legal bases (LegalBases:Path, LegalBases:Profile) is not usable; see the exception for each problem.")
            .ValidateOnStart();
        services.AddSingleton(sp => LegalBasisRegister.Load(sp.GetRequiredService<IOptions<LegalBasisOptions>>().Value));
        return services;
    }

    public static RouteHandlerBuilder MapLegalBases(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/admin/legal-bases", List).WithName("ListLegalBases").WithTags("Pricing admin")
            .RequireAuthorization(Policies.PricingAdmin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("The register of legal bases: each clause a catalog item may cite by id in legalBasis, its full citation, and whether it makes a service free.")
            .WithDescription("A basic service must cite a clause with makesFree true; an extended service one with makesFree false. Only the national documents and the configured profile's own (LegalBases:Profile) are listed: another city's document cannot be cited.");

    private static Ok<List<LegalBasisView>> List(LegalBasisRegister register) =>
        TypedResults.Ok(register.Clauses.Select(c => new LegalBasisView
        {
            Id = c.Id, Citation = c.Citation, MakesFree = c.MakesFree, Summary = c.Summary,
            Document = c.DocumentId, Number = c.Number, Issuer = c.Issuer, Date = c.Date,
            BasicServices = register.BasicServices.Where(b => b.LegalBasis == c.Id).Select(b => b.Code).ToList(),
        }).ToList());

    /// <summary>Throws, naming every problem, so that a broken register stops the start with the reason in the log.</summary>
    private static bool RegisterLoads(LegalBasisOptions options) => LegalBasisRegister.Load(options) is not null;
}

/// <summary>A clause of the register as the admin API lists it.</summary>
public sealed class LegalBasisView
{
    public required string Id { get; init; }
    /// <summary>What the published list shows: 《title》（number）clause.</summary>
    public required string Citation { get; init; }
    /// <summary>True: the clause makes a service free (basic services only). False: it allows a charge (extended services only).</summary>
    public bool MakesFree { get; init; }
    public required string Summary { get; init; }
    /// <summary>The id of the document the clause belongs to.</summary>
    public required string Document { get; init; }
    public string? Number { get; init; }
    public required string Issuer { get; init; }
    public string? Date { get; init; }
    /// <summary>The codes of the register's basic services that are free by this clause.</summary>
    public required List<string> BasicServices { get; init; }
}
