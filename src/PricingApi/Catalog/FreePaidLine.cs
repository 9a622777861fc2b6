using PricingApi.LegalBases;
using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>
/// The line between free basic services and paid extended ones (清晰界定基础服务与延伸服务), enforced rather than
/// trusted: an extended service may not be a basic service under its code or another name, nor rest on a clause that
/// makes the service free; a basic service may not rest on a clause that allows a charge.
/// </summary>
public static class FreePaidLine
{
    /// <summary>The rule <paramref name="request"/> breaks, for a clerk; null when it keeps to the line.</summary>
    /// <remarks>The basic services of the working catalog (<paramref name="catalogBasics"/>) count beside the register's.</remarks>
    public static string? BrokenRule(ServiceRequest request, LegalBasisRegister register, IEnumerable<(string Code, string Name)> catalogBasics)
    {
        var basis = register.Find(request.LegalBasis);
        if (request.Kind == ServiceKind.Basic)
        {
            return basis is { MakesFree: false } ? CatalogMessages.Format(CatalogMessages.BasicOnChargeClause, basis.Id, basis.Citation) : null;
        }

        var basics = register.BasicServices
            .Concat(catalogBasics.Select(b => new BasicServiceRecord(b.Code, b.Name, [ServiceNames.Normalise(b.Name)], "")))
            .ToList();
        var code = request.Code?.Trim();
        if (basics.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.Ordinal)) is { } sameCode)
        {
            return CatalogMessages.Format(CatalogMessages.ReusesBasicCode, code, sameCode.Name, sameCode.Code);
        }

        var name = request.Name ?? "";
        if (basics.FirstOrDefault(b => ServiceNames.Names(name, b)) is { } sameName)
        {
            return CatalogMessages.Format(CatalogMessages.ReusesBasicName, name.Trim(), sameName.Name, sameName.Code);
        }

        return basis is { MakesFree: true } ? CatalogMessages.Format(CatalogMessages.ExtendedOnFreeClause, basis.Id, basis.Citation) : null;
    }
}
