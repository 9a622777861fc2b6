namespace PricingApi.FeeList;

/// <summary>A column of a workbook sheet: its bilingual header, width in characters, value, and number format for numbers.</summary>
public sealed record WorkbookColumn<T>(string Header, double Width, Func<T, object> Value, string? Format = null);

/// <summary>A rate (a fraction) to be shown as a percentage with as many decimals as it has: 0.06 as 6%, 0.065 as 6.5%.</summary>
public readonly record struct WorkbookRate(decimal Fraction)
{
    /// <summary>The number format that shows the rate exactly: "0%" for 6%, "0.0%" for 6.5%, "0.0000%" for a ratio to six decimals.</summary>
    public string Format
    {
        get
        {
            var decimals = (Fraction * 100m).Scale - TrailingZeros(Fraction * 100m);
            return decimals <= 0 ? "0%" : "0." + new string('0', decimals) + "%";
        }
    }

    private static int TrailingZeros(decimal value)
    {
        var zeros = 0;
        for (var scaled = value; scaled.Scale > 0 && scaled == decimal.Round(scaled, scaled.Scale - 1); scaled = decimal.Round(scaled, scaled.Scale - 1))
        {
            zeros++;
        }

        return zeros;
    }
}

/// <summary>The columns of the workbook's two lists, in the order people read them: what, how much, what is included, on what basis.</summary>
public static class FeeListWorkbookColumns
{
    /// <summary>Yuan to the fen with thousands grouped, as a Chinese price list prints them: 1,264.40.</summary>
    public const string MoneyFormat = "#,##0.00";

    public static readonly WorkbookColumn<BasicServiceEntry>[] Basic =
    [
        new("编号 Code", 22, b => b.Code),
        new("名称 Name", 30, b => b.Name),
        new("英文名称 Name in English", 34, b => b.NameEn),
        new("用户付费（元） Customer pays (CNY)", 16, b => b.Price, MoneyFormat),
        new("费用承担方 Paid by", 24, b => FeeListLabels.PaidBy(b.PaidBy).ToString()),
        new("服务内容 What it covers", 60, b => b.Description),
        new("收费依据 Legal basis", 60, b => b.LegalBasis),
    ];

    public static readonly WorkbookColumn<ExtendedServiceEntry>[] Extended =
    [
        new("编号 Code", 24, e => e.Code),
        new("类别 Category", 18, e => FeeListLabels.Category(e.Category).ToString()),
        new("名称 Name", 36, e => e.Name),
        new("英文名称 Name in English", 40, e => e.NameEn),
        new("单位 Unit", 8, e => e.Unit),
        new("英文单位 Unit in English", 14, e => e.UnitEn),
        new("含税价（元） Price incl. VAT (CNY)", 16, e => e.Price, MoneyFormat),
        new("增值税率 VAT rate", 10, e => new WorkbookRate(e.VatRate)),
        new("不含税价（元） Price excl. VAT (CNY)", 16, e => e.PriceExcludingTax, MoneyFormat),
        new("价格形式 Pricing form", 18, e => FeeListLabels.PricingForm(e.PricingForm).ToString()),
        new("服务内容 What is included", 60, e => e.Description),
        new("收费依据 Legal basis", 60, e => e.LegalBasis),
        new("经营者 Provider", 24, FeeListLabels.Provider),
    ];
}
