using System.Globalization;
using System.Text.Json;
using PricingApi.Pricing;
using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>
/// How the fee list reads to people (the page, the workbook): Chinese first with English beside, money to the fen,
/// rates as percentages, dates in the utility's zone. Every format is culture-invariant, so the bytes never depend
/// on the server's locale.
/// </summary>
public static class FeeListLabels
{
    public static Bilingual Category(ServiceCategory category) => category switch
    {
        ServiceCategory.Maintenance => new("维修保养", "Maintenance"),
        ServiceCategory.Cleaning => new("清洗", "Cleaning"),
        ServiceCategory.WaterTesting => new("水质检测", "Water-quality testing"),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static Bilingual Kind(ServiceKind kind) => kind == ServiceKind.Basic
        ? new("基础服务", "Basic service")
        : new("延伸服务", "Extended service");

    public static Bilingual PaidBy(PaidBy paidBy) => paidBy switch
    {
        Pricing.PaidBy.Utility => new("供水企业承担", "Paid by the water utility"),
        Pricing.PaidBy.Government => new("政府承担", "Paid by the government"),
        Pricing.PaidBy.Developer => new("开发建设单位承担", "Paid by the developer"),
        _ => throw new ArgumentOutOfRangeException(nameof(paidBy), paidBy, null),
    };

    public static Bilingual PricingForm(PricingForm form) => form switch
    {
        Pricing.PricingForm.MarketRegulated => new("市场调节价", "Market-regulated"),
        Pricing.PricingForm.GovernmentGuided => new("政府指导价", "Government-guided"),
        Pricing.PricingForm.GovernmentSet => new("政府定价", "Government-set"),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, null),
    };

    /// <summary>
    /// The provider (经营者) as every published document's spreadsheet forms show it, public and regulator: its name, or
    /// nothing for a version published before providers were recorded.
    /// </summary>
    public static string Provider(ExtendedServiceEntry service) => service.Provider?.Name ?? "";

    /// <summary>An amount in yuan to the fen, without grouping: 954.00, 8957.00 (as the JSON writes it).</summary>
    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A VAT rate as people read it: 0.06 → 6%, 0.065 → 6.5%.</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>The value as the JSON writes it: "water-testing", "market-regulated".</summary>
    public static string Code<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>2026年12月1日 / 1 December 2026, with the time of day when it is not midnight.</summary>
    public static Bilingual Date(DateTimeOffset instant)
    {
        var local = UtilityClock.Local(instant);
        var time = local.TimeOfDay == TimeSpan.Zero ? "" : local.ToString(" HH:mm", CultureInfo.InvariantCulture);
        return new($"{local.Year}年{local.Month}月{local.Day}日{time}",
            local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + (time.Length == 0 ? "" : "," + time));
    }

    /// <summary>The area in words, with its note while unconfirmed; a version published before areas were recorded says so.</summary>
    public static Bilingual ServiceArea(ServiceArea.ServiceAreaEntry? area) => area is null
        ? new("本版未记载服务区域。", "This version does not record its service area.")
        : new($"{area.Description}：{area.Summary()}。{(area.Confirmed ? "" : area.Note)}", $"{area.DescriptionEn}: {area.SummaryEn()}.");

    /// <summary>
    /// What every rendering of a list published from the sample seed says of it (the page's banner, the downloads), so
    /// that no one takes its prices for the utility's own.
    /// </summary>
    public static readonly Bilingual SampleNotice =
        new("示例数据，非正式收费标准", "Sample data, not an official fee list: the prices and phone numbers are illustrative.");

    /// <summary>The short mark of a withdrawn version (where the reason does not fit: a printed page's header).</summary>
    public static Bilingual WithdrawnMark(DateTimeOffset withdrawnAt)
    {
        var date = Date(withdrawnAt);
        return new($"已于{date.Zh}撤回，从未执行", $"Withdrawn on {date.En} before it took effect; never in effect");
    }

    /// <summary>What the page and the downloads of a version withdrawn before it took effect say of it: when, and why.</summary>
    public static Bilingual WithdrawnNotice(DateTimeOffset withdrawnAt, string reason)
    {
        var mark = WithdrawnMark(withdrawnAt);
        return new($"{mark.Zh}。撤回原因：{reason}", $"{mark.En}. Reason: {reason}");
    }

    /// <summary>
    /// The notices a rendering of <paramref name="list"/> carries, most important first: withdrawn (when
    /// <paramref name="withdrawal"/> says so), then sample data. Empty for an official list that was never withdrawn.
    /// </summary>
    public static IReadOnlyList<FeeListNotice> Notices(FeeListDocument list, VersionSummary? withdrawal)
    {
        var notices = new List<FeeListNotice>(2);
        if (withdrawal is { WithdrawnAt: { } at })
        {
            notices.Add(new(WithdrawnNotice(at, withdrawal.WithdrawalReason ?? ""), WithdrawnMark(at)));
        }

        if (list.Sample == true)
        {
            notices.Add(new(SampleNotice, SampleNotice));
        }

        return notices;
    }

    /// <summary>The publisher's English name, when the configured one belongs to the publisher the version names.</summary>
    public static string? PublisherEn(FeeListDocument list, UtilityOptions utility) =>
        list.Publisher == utility.Publisher && !string.IsNullOrWhiteSpace(utility.PublisherEn) ? utility.PublisherEn : null;
}

/// <summary>A notice a rendering of a list carries: the whole text, and the short mark where the text does not fit.</summary>
public readonly record struct FeeListNotice(Bilingual Text, Bilingual Mark);
