using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Http;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;
using PricingApi.Utility;
using PricingApi.Validation;

namespace PricingApi.Tests.Robustness;

/// <summary>Input read one way only: ISO 8601 times, each JSON property once, text without invisible controls.</summary>
/// <remarks>One service for the class: every request here is refused, and the tests that could have saved something check that nothing was.</remarks>
public class StrictInputTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Theory]
    [InlineData("2026-12-01", "2026-12-01T00:00:00+08:00")]
    [InlineData("2026-12-01T10:00", "2026-12-01T10:00:00+08:00")]
    [InlineData("2026-12-01T10:00:30", "2026-12-01T10:00:30+08:00")]
    [InlineData("2026-12-01T10:00:30.25", "2026-12-01T10:00:30.25+08:00")]
    [InlineData("2026-12-01T10:00+08:00", "2026-12-01T10:00:00+08:00")]
    [InlineData("2026-12-01T02:00:00.5Z", "2026-12-01T10:00:00.5+08:00")]
    public void Iso8601DatesAndTimesAreRead(string text, string expected)
    {
        Assert.True(UtilityTime.TryParse(text, out var value));
        Assert.Equal(expected, UtilityTime.Format(value));
    }

    [Theory]
    [InlineData("12/01/2026")]
    [InlineData("5/6")]
    [InlineData("10:00")]
    [InlineData("2026-12-01,2026-12-02")]
    [InlineData("1 December 2026")]
    [InlineData("2026-12-1")]
    [InlineData("20261201")]
    [InlineData("2026-12-01 10:00")]
    [InlineData("2026-12-01+08:00")]
    public void AnythingElseIsNotATime(string text)
    {
        Assert.False(UtilityTime.TryParse(text, out _));
    }

    [Theory]
    [InlineData("?at=12/01/2026")]
    [InlineData("?at=5/6")]
    [InlineData("?at=10:00")]
    [InlineData("?at=2026-12-01&at=2027-01-01")]
    public async Task TheFeeListRefusesATimeThatIsNotIso8601(string query)
    {
        var app = shared.App;
        var errors = await (await app.CreateAnonymousClient().GetAsync("/api/fee-list" + query)).ValidationErrorsAsync("at");
        Assert.Contains("ISO 8601", errors[0]);
    }

    [Fact]
    public async Task APublishWithASlashDateIsRefused()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var response = await admin.SendRawAsync(HttpMethod.Post, "/api/admin/fee-list/versions", """{"effectiveFrom":"12/01/2027"}""");
        await response.ValidationErrorsAsync("effectiveFrom");
        Assert.Single((await (await admin.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task AJsonBodyThatNamesAPropertyTwiceIsRefused()
    {
        var app = shared.App;
        var staff = app.CreateClient(Roles.Staff);

        var response = await staff.SendRawAsync(HttpMethod.Post, "/api/quotes",
            """{"customer":{"name":"张三","phone":"13812345678","address":"东风西路 1 号","district":"五华区"},"lines":[{"serviceCode":"EXT-TEST-9","quantity":1,"quantity":9999}]}""");
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("twice", problem.ToJsonString());
        Assert.Empty((await (await staff.GetAsync("/api/quotes")).JsonBodyAsync())["items"]!.AsArray());
    }

    [Theory]
    [InlineData("\u202E00.01 水箱清洗")] // right-to-left override: a name that reads like a price
    [InlineData("水箱\u2066清洗")]
    [InlineData("水箱\u200B清洗")]
    [InlineData("水箱\u2060清洗")]
    [InlineData("\uFEFF水箱清洗")]
    [InlineData("水箱\u061C清洗")] // Arabic letter mark: a bidirectional control outside the U+202x blocks
    [InlineData("水箱\u00AD清洗")] // soft hyphen: 水箱清洗 on paper, not found by a search for it
    [InlineData("水箱\u2064清洗")] // invisible plus
    [InlineData("水箱\u2028清洗")] // line separator
    [InlineData("\u3164")] // Hangul filler: a "name" that passes "not empty" and prints as nothing
    [InlineData("王\u115F五")]
    [InlineData("王\u034F五")] // combining grapheme joiner
    [InlineData("王\U000E0001五")] // language tag, outside the BMP
    [InlineData("王\u17B4五")] // a Khmer vowel that prints nothing
    [InlineData("王\u2800五")] // the blank Braille cell
    [InlineData("王\u180E五")] // the Mongolian vowel separator outside a Mongolian word
    [InlineData("\uFE0F")] // a variation selector alone: a "name" that prints nothing
    [InlineData(" \U000E0100 ")]
    public async Task TextWithBidirectionalOrZeroWidthControlsIsRefused(string name)
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);

        var errors = await (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-BIDI").With("name", name))).ValidationErrorsAsync("name");
        Assert.Contains("bidirectional", errors[0]);

        var staff = app.CreateClient(Roles.Staff);
        var quote = QuoteRequests.Quote(("EXT-TEST-9", 1m));
        quote["customer"] = QuoteRequests.Customer(name: name);
        await (await staff.PostJsonAsync("/api/quotes", quote)).ValidationErrorsAsync("customer.name");
    }

    [Theory]
    [InlineData("\u202A")]
    [InlineData("\u202E")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    [InlineData("\u200B")]
    [InlineData("\u200F")]
    [InlineData("\u2060")]
    [InlineData("\uFEFF")]
    public void EveryInvisibleControlOfTheContractIsRefusedAndItsNeighboursAreNot(string control)
    {
        Assert.False(PlainText.Allows("a" + control + "b"));
        Assert.True(PlainText.Allows("水箱（池）清洗 – DN25 · 20 m³"));
    }

    [Theory]
    [InlineData("\U00020000\U00020001")] // CJK Extension B
    [InlineData("张\uE000")] // private use: how some registries write rare characters in names
    [InlineData("葛\U000E0100")] // an ideographic variation sequence: the registered glyph of a name's character
    [InlineData("第一行\r\n第二行\t")]
    [InlineData("ᠮᠣᠩᠭᠣᠯ\u180Eᠠ")] // the Mongolian vowel separator, a format character ordinary Mongolian words need
    public void RareCharactersOfRealNamesStayAllowed(string text) => Assert.True(PlainText.Allows(text));
}
