using PricingApi.Http;

namespace PricingApi.Catalog;

/// <summary>The refusals of the line between free and paid, Chinese first.</summary>
public static class CatalogMessages
{
    public static readonly BilingualText UnknownLegalBasis = new(
        "'legalBasis' 须为法律依据登记册中的条款编号（见 GET /api/admin/legal-bases）。",
        "'legalBasis' must be the id of a clause in the register of legal bases (see GET /api/admin/legal-bases).");

    public static readonly BilingualText VatRateNotAllowed = new(
        "'vatRate' 须为法定增值税税率之一：{0}。",
        "'vatRate' must be one of the statutory VAT rates: {0}.");

    public static readonly BilingualText PricingFormNotAllowed = new(
        "延伸服务的价格形式须为：{0}（市场调节价）。",
        "An extended service's 'pricingForm' must be: {0} (市场调节价, market-regulated).");

    /// <summary>{0} code, {1} basic service name, {2} its code.</summary>
    public static readonly BilingualText ReusesBasicCode = new(
        "编码 {0} 是基础服务“{1}”的编码：基础服务免费，不得作为延伸服务收费。",
        "The code {0} is the basic service {1} ({2}): basic services are free to the customer (基础服务) and cannot be charged as extended services.");

    /// <summary>{0} the extended name, {1} basic service name, {2} its code.</summary>
    public static readonly BilingualText ReusesBasicName = new(
        "“{0}”是基础服务“{1}”（{2}）换了名称：基础服务免费，不得作为延伸服务收费。",
        "'{0}' is the basic service {1} ({2}) under another name: basic services are free to the customer (基础服务) and cannot be charged as extended services.");

    /// <summary>{0} clause id, {1} citation.</summary>
    public static readonly BilingualText ExtendedOnFreeClause = new(
        "法律依据 {0}（{1}）规定该服务免费，延伸服务不得以其为收费依据。",
        "The legal basis {0} ({1}) makes a service free (基础服务): an extended service cannot rest on it.");

    /// <summary>{0} clause id, {1} citation.</summary>
    public static readonly BilingualText BasicOnChargeClause = new(
        "法律依据 {0}（{1}）允许收费，基础服务须以规定其免费的条款为依据。",
        "The legal basis {0} ({1}) allows a charge: a basic service rests on a clause that makes it free.");
}
