namespace PricingApi.Catalog;

/// <summary>
/// The catalog's refusals (its fields, the line between free and paid, the workbook import), as English templates: their Chinese is in Http/ProblemTexts.zh.resx
/// under the same text, and the problem writer picks the language (see <see cref="Http.Localization"/>).
/// </summary>
public static class CatalogMessages
{
    public const string UnknownLegalBasis = "'legalBasis' must be the id of a clause in the register of legal bases (see GET /api/admin/legal-bases).";

    public const string VatRateNotAllowed = "'vatRate' must be one of the statutory VAT rates: {0}.";

    public const string PricingFormNotAllowed = "An extended service's 'pricingForm' must be: {0} (市场调节价, market-regulated).";

    /// <summary>{0} code, {1} basic service name, {2} its code.</summary>
    public const string ReusesBasicCode = "The code {0} is the basic service {1} ({2}): basic services are free to the customer (基础服务) and cannot be charged as extended services.";

    /// <summary>{0} the extended name, {1} basic service name, {2} its code.</summary>
    public const string ReusesBasicName = "'{0}' is the basic service {1} ({2}) under another name: basic services are free to the customer (基础服务) and cannot be charged as extended services.";

    /// <summary>{0} clause id, {1} citation.</summary>
    public const string ExtendedOnFreeClause = "The legal basis {0} ({1}) makes a service free (基础服务): an extended service cannot rest on it.";

    /// <summary>{0} clause id, {1} citation.</summary>
    public const string BasicOnChargeClause = "The legal basis {0} ({1}) allows a charge: a basic service rests on a clause that makes it free.";

    /// <summary>{0} spreadsheet row, {1} code, {2} the stored revision, {3} the workbook's.</summary>
    public const string ChangedSinceExport = "Row {0} ({1}) was changed by someone else after this workbook was exported: its revision is {2} now, {3} in the workbook.";

    public const string DeletedSinceExport = "Row {0} ({1}) carries revision {2}, but no service {1} exists now: it was deleted after this workbook was exported, "
        + "or the row was copied with its revision. To add a service, clear the row's revision.";

    public const string NothingImportedExportAgain = "Nothing was imported; export the workbook again and reapply your edits.";

    public const string BlankRevision = "'revision' is blank, so this row may overwrite a change made after the workbook was exported. "
        + "Export the workbook again and edit that; a new service's row needs no revision.";

    public static string Format(string template, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);
}
