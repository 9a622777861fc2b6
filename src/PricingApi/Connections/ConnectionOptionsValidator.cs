using FluentValidation;

namespace PricingApi.Connections;

/// <summary>
/// Refuses, at startup, a connection policy that could not be applied consistently: a limit that is not a
/// DN size, a general-project band that does not lie above the low-risk one, a negative or half-empty table cell.
/// </summary>
public sealed class ConnectionOptionsValidator : AbstractValidator<ConnectionOptions>
{
    /// <summary>A working-day limit of more than a year is a typing error.</summary>
    private const int MaxWorkingDays = 365;

    // The checks cross many settings at once (a limit must be in the configured DN series, one band above another), so
    // they are one custom rule; each failure still names its setting.
    public ConnectionOptionsValidator() => RuleFor(o => o).Custom((options, context) =>
    {
        foreach (var failure in Failures(options))
        {
            context.AddFailure(failure);
        }
    });

    private static List<string> Failures(ConnectionOptions options)
    {
        var failures = new List<string>();
        var series = options.Diameters();
        if (series.Any(d => d <= 0) || series.Zip(series.Skip(1)).Any(p => p.First >= p.Second))
        {
            failures.Add("Connections:StandardDiametersMm must list positive DN sizes in ascending order.");
        }

        void DiameterInSeries(string key, int value)
        {
            if (!series.Contains(value))
            {
                failures.Add($"Connections:{key} is {value}, which is not in the DN series ({string.Join(", ", series)}).");
            }
        }

        void Positive(string key, decimal value, decimal max)
        {
            if (value <= 0m || value > max)
            {
                failures.Add($"Connections:{key} must be above 0 and at most {max}; it is {value}.");
            }
        }

        Positive(nameof(options.MaxPlausibleExternalPipeLengthM), options.MaxPlausibleExternalPipeLengthM, 1_000_000m);
        DiameterInSeries("FreeConnection:MaxMeterDiameterMm", options.FreeConnection.MaxMeterDiameterMm);
        Positive("FreeConnection:MaxExternalPipeLengthM", options.FreeConnection.MaxExternalPipeLengthM, options.MaxPlausibleExternalPipeLengthM);

        var categories = options.Categories;
        Positive("Categories:MaxFloorAreaM2", categories.MaxFloorAreaM2, 10_000_000m);
        Positive("Categories:MaxBuildingHeightM", categories.MaxBuildingHeightM, 1_000m);
        Positive("Categories:MaxExternalPipeLengthM", categories.MaxExternalPipeLengthM, options.MaxPlausibleExternalPipeLengthM);
        DiameterInSeries("Categories:LowRiskMaxDiameterMm", categories.LowRiskMaxDiameterMm);
        DiameterInSeries("Categories:GeneralMaxDiameterMm", categories.GeneralMaxDiameterMm);
        DiameterInSeries("Categories:SporadicResidentialMaxDiameterMm", categories.SporadicResidentialMaxDiameterMm);
        if (categories.GeneralMaxDiameterMm <= categories.LowRiskMaxDiameterMm)
        {
            failures.Add("Connections:Categories:GeneralMaxDiameterMm must be above LowRiskMaxDiameterMm: general projects are the band above low-risk ones.");
        }

        for (var i = 0; i < (categories.NonResidentialBands?.Length ?? 0); i++)
        {
            var band = categories.NonResidentialBands![i];
            var key = $"Categories:NonResidentialBands:{i}";
            if (band.MaxDiameterMm is { } dn)
            {
                DiameterInSeries($"{key}:MaxDiameterMm", dn);
            }

            if (band.MaxFloorAreaM2 is <= 0m || band.MaxBuildingHeightM is <= 0m || band.MaxExternalPipeLengthM is <= 0m)
            {
                failures.Add($"Connections:{key}: a bound, when set, must be above 0.");
            }
        }

        CheckTable("BeforePlatformData", options.TimeLimits.BeforePlatformData, failures);
        CheckTable("AfterPlatformData", options.TimeLimits.AfterPlatformData, failures);
        var elevenThousand = options.TimeLimits.AfterPlatformData.LowRisk.WithoutExternalPipe;
        if (options.TimeLimits.LowRiskElevenThousandModel && (elevenThousand.SurveyDays is not null || elevenThousand.ConnectionDays != 1))
        {
            failures.Add("Connections:TimeLimits:AfterPlatformData:LowRisk:WithoutExternalPipe must be one connection stage of 1 working day "
                         + "(no survey) while LowRiskElevenThousandModel is on: that is what the \"11000\" model promises.");
        }

        return failures;
    }

    private static void CheckTable(string table, CategoryTimeLimits limits, List<string> failures)
    {
        foreach (var (row, cells) in limits.Rows())
        {
            foreach (var (column, days) in new[] { ("WithoutExternalPipe", cells.WithoutExternalPipe), ("WithExternalPipe", cells.WithExternalPipe) })
            {
                var key = $"Connections:TimeLimits:{table}:{row}:{column}";
                if (days.SurveyDays is not null && days.ConnectionDays is null)
                {
                    failures.Add($"{key} has survey days but no connection days; clear both for the current service standard.");
                }

                if (days.SurveyDays is < 1 or > MaxWorkingDays || days.ConnectionDays is < 1 or > MaxWorkingDays)
                {
                    failures.Add($"{key}: each stage takes 1 to {MaxWorkingDays} working days (leave SurveyDays empty for no survey stage).");
                }
            }
        }
    }
}
