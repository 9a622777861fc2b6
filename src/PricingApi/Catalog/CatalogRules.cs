using System.Globalization;
using PricingApi.Pricing;

namespace PricingApi.Catalog;

/// <summary>The business rules a catalog write must keep, and the mapping from a (validated) request to an entity.</summary>
public static class CatalogRules
{
    /// <summary>The rule a valid request breaks, in words a clerk understands; null when it breaks none.</summary>
    public static string? BrokenRule(ServiceRequest request, CostProfitCap cap)
    {
        if (request.Kind == ServiceKind.Basic)
        {
            return (request.PriceExcludingTax ?? 0m) != 0m || (request.Price ?? 0m) != 0m
                ? "A basic service is free to the customer (基础服务不向用户收费): its price must be 0."
                : null;
        }

        var priced = new PricedService(request.CostBasis!.ToCostBasis(), request.PriceExcludingTax!.Value, request.VatRate ?? 0m, cap);
        return priced.WithinCap ? null : CapBreach(priced);
    }

    /// <summary>The sortOrder that puts a new item after every listed one: the step the seed uses (10) past the last.</summary>
    public static int AfterLast(int? lastSortOrder) => (lastSortOrder ?? 0) + 10;

    public static string CapBreach(PricedService priced) => string.Create(CultureInfo.InvariantCulture,
        $"The price excluding tax {priced.PriceExcludingTax:0.00} exceeds the {priced.Cap.Rate * 100:0.##}% cost-profit cap (成本利润率) on a cost of {priced.Cost:0.00}: the highest allowed price is {priced.HighestAllowedPrice:0.00}.");

    /// <summary>
    /// A new item from a validated request. Without a sortOrder it takes <paramref name="appendAt"/>, the place after
    /// every item already listed: a new item goes to the end of its category, not (as 0 would put it) above all of it.
    /// </summary>
    public static CatalogItem Create(ServiceRequest request, DateTimeOffset now, int appendAt = 0)
    {
        CatalogItem item = request.Kind == ServiceKind.Basic
            ? new BasicService { Code = request.Code!, Name = "", NameEn = "", Description = "", LegalBasis = "" }
            : new ExtendedService { Code = request.Code!, Name = "", NameEn = "", Description = "", LegalBasis = "", Unit = "", UnitEn = "", CostBasis = request.CostBasis!.ToCostBasis() };
        item.SortOrder = appendAt;
        Apply(request, item, now);
        return item;
    }

    /// <summary>The provider id a request stores: the one named, or null (the default provider) when none is.</summary>
    public static string? ProviderId(ServiceRequest request) =>
        string.IsNullOrWhiteSpace(request.Provider) ? null : request.Provider.Trim();

    /// <summary>Copies a validated request onto an item of the same kind and bumps its revision; an item keeps its place on the list unless the request gives one.</summary>
    public static void Apply(ServiceRequest request, CatalogItem item, DateTimeOffset now)
    {
        item.Name = request.Name!.Trim();
        item.NameEn = request.NameEn!.Trim();
        item.Description = request.Description!.Trim();
        item.LegalBasis = request.LegalBasis!.Trim();
        item.SortOrder = request.SortOrder ?? item.SortOrder;
        item.UpdatedAt = now;
        item.Revision++;

        switch (item)
        {
            case BasicService basic:
                basic.PaidBy = request.PaidBy!.Value;
                break;
            case ExtendedService extended:
                extended.Category = request.Category!.Value;
                extended.Unit = request.Unit!.Trim();
                extended.UnitEn = request.UnitEn!.Trim();
                extended.CostBasis = request.CostBasis!.ToCostBasis();
                extended.PriceExcludingTax = Money.ToFen(request.PriceExcludingTax!.Value);
                extended.VatRate = request.VatRate!.Value;
                extended.PricingForm = request.PricingForm ?? PricingForm.MarketRegulated;
                extended.ProviderId = ProviderId(request);
                break;
        }
    }
}
