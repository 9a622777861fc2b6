using PricingApi.Utility;

namespace PricingApi.Tests.Utility;

public class UtilityTimeTests
{
    [Theory]
    [InlineData("2026-12-01T00:00:00+08:00", "2026-12-01T00:00:00+08:00")]
    [InlineData("2026-12-01T00:00:00", "2026-12-01T00:00:00+08:00")] // no offset: the utility's zone
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01T00:00:00+08:00")]
    [InlineData("2026-12-01T00:00:00 08:00", "2026-12-01T00:00:00+08:00")] // '+' decoded as a space in a query
    [InlineData("2026-12-01T00:00:00.123456789+08:00", "2026-12-01T00:00:00.1234567+08:00")] // nanoseconds, as Go and Java write them: cut to 100 ns
    [InlineData("2026-12-01T00:00:00.12345678Z", "2026-12-01T08:00:00.1234567+08:00")]
    public void ReadsTimesAsClientsWriteThem(string text, string expected)
    {
        Assert.True(UtilityTime.TryParse(text, out var value));
        Assert.Equal(expected, UtilityTime.Format(value));
    }

    // Found by the generated-input test: each of these was a 500 (ArgumentOutOfRangeException) on ?at=, ?publishedAfter=
    // or a publish's effectiveFrom, because the time cannot be read at, or written in, +08:00 inside DateTimeOffset's range.
    [Theory]
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("0001-01-01T00:00:00+14:00")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-31T23:59:59-12:00")]
    [InlineData("9999-12-31T23:59:59.9999999")]
    public void TimesAtTheEdgesOfTheCalendarAreRefusedNotThrown(string text)
    {
        Assert.False(UtilityTime.TryParse(text, out _));
    }

    [Theory]
    [InlineData("0001-01-02T08:00:00")]
    [InlineData("9999-12-30T00:00:00Z")]
    public void TimesJustInsideTheEdgesCanBeReadAndWritten(string text)
    {
        Assert.True(UtilityTime.TryParse(text, out var value));
        Assert.NotEmpty(UtilityTime.Format(value));
    }
}
