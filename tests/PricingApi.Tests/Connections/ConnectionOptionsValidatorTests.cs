using PricingApi.Connections;

namespace PricingApi.Tests.Connections;

public class ConnectionOptionsValidatorTests
{
    private static IEnumerable<string> Failures(ConnectionOptions options) =>
        new ConnectionOptionsValidator().Validate(options).Errors.Select(e => e.ErrorMessage);

    [Fact]
    public void TheKunmingDefaultsAreValid() =>
        Assert.True(new ConnectionOptionsValidator().Validate(new ConnectionOptions()).IsValid);

    [Fact]
    public void ALimitThatIsNotADnSizeIsRefused()
    {
        var options = new ConnectionOptions { FreeConnection = { MaxMeterDiameterMm = 45 } };

        Assert.Contains(Failures(options), f => f.StartsWith("Connections:FreeConnection:MaxMeterDiameterMm is 45"));
    }

    [Fact]
    public void ASeriesOutOfOrderIsRefused() =>
        Assert.Contains(Failures(new ConnectionOptions { StandardDiametersMm = [15, 25, 20, 40, 200] }),
            f => f.StartsWith("Connections:StandardDiametersMm"));

    [Fact]
    public void NonPositiveLimitsAreRefused()
    {
        var options = new ConnectionOptions { FreeConnection = { MaxExternalPipeLengthM = 0m }, Categories = { MaxBuildingHeightM = -1m } };

        Assert.Contains(Failures(options), f => f.StartsWith("Connections:FreeConnection:MaxExternalPipeLengthM"));
        Assert.Contains(Failures(options), f => f.StartsWith("Connections:Categories:MaxBuildingHeightM"));
    }

    [Fact]
    public void AGeneralBandNotAboveTheLowRiskOneIsRefused() =>
        Assert.Contains(Failures(new ConnectionOptions { Categories = { GeneralMaxDiameterMm = 40 } }),
            f => f.StartsWith("Connections:Categories:GeneralMaxDiameterMm must be above"));

    [Fact]
    public void TableCellsMustBeWholeStagesOfAtLeastOneDay()
    {
        var options = new ConnectionOptions();
        options.TimeLimits.BeforePlatformData.General.WithExternalPipe = new StageDays { SurveyDays = 3 };
        options.TimeLimits.AfterPlatformData.OtherNonResidential.WithoutExternalPipe = StageDays.Of(2, 0);

        var failures = Failures(options).ToList();

        Assert.Contains(failures, f => f.StartsWith("Connections:TimeLimits:BeforePlatformData:General:WithExternalPipe has survey days but no connection days"));
        Assert.Contains(failures, f => f.StartsWith("Connections:TimeLimits:AfterPlatformData:OtherNonResidential:WithoutExternalPipe: each stage"));
    }

    [Fact]
    public void TheElevenThousandModelNeedsItsOneDayCell()
    {
        var options = new ConnectionOptions();
        options.TimeLimits.AfterPlatformData.LowRisk.WithoutExternalPipe = StageDays.Of(null, 2);

        Assert.Contains(Failures(options), f => f.Contains("\"11000\""));

        options.TimeLimits.LowRiskElevenThousandModel = false;
        Assert.Empty(Failures(options));
    }
}
