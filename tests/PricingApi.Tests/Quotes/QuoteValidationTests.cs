using System.Net;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Quotes;

/// <summary>Malformed quote requests: 400 naming each field, before any rule or price is looked at.</summary>
/// <remarks>One service for the refusals, which save nothing (one test checks that no quote exists); the accepted phone numbers issue quotes, so they start their own.</remarks>
public class QuoteValidationTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    [InlineData("1.234")]
    [InlineData("null")]
    public async Task QuantityOutsideOneFenthToTenThousandIsRefusedWith400(string quantity)
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").SendRawAsync(HttpMethod.Post, "/api/quotes",
            $$"""{"customer":{"name":"张三","phone":"13812345678","address":"东风西路1号","district":"五华区"},"lines":[{"serviceCode":"EXT-TEST-9","quantity":{{quantity}}}]}""");

        Assert.NotEmpty(await response.ValidationErrorsAsync("lines[0].quantity"));
    }

    /// <summary>The completion records a service on one line, so a service split over lines is held to one line's limit in all.</summary>
    [Fact]
    public async Task OneServiceOnSeveralLinesIsHeldToTheLineLimitInAll()
    {
        var app = shared.App;
        var staff = app.CreateClient("staff");

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 10000m), ("EXT-TEST-9", 1m)));

        Assert.Equal(["Service 'EXT-TEST-9' is on several lines with 10001 in all; a quote holds at most 10000 of one service."],
            await response.ValidationErrorsAsync("lines"));
        var chinese = await staff.WithoutAcceptLanguage().PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 10000m), ("EXT-TEST-9", 10000m)));
        Assert.Equal(["服务“EXT-TEST-9”分多行合计 20000；同一服务在一张报价单中合计最多 10000。"], await chinese.ValidationErrorsAsync("lines"));
    }

    [Fact]
    public async Task QuoteWithoutLinesIsRefusedWith400()
    {
        var app = shared.App;
        var staff = app.CreateClient("staff");

        var empty = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote());
        var missing = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote().Without("lines"));

        Assert.Equal(["A quote needs at least one line."], await empty.ValidationErrorsAsync("lines"));
        Assert.Equal(["A quote needs at least one line."], await missing.ValidationErrorsAsync("lines"));
    }

    [Fact]
    public async Task QuoteWithMoreThanAHundredLinesIsRefusedWith400()
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes",
            QuoteRequests.Quote(Enumerable.Repeat(("EXT-TEST-9", 1m), 101).ToArray()));

        Assert.Equal(["A quote holds at most 100 lines."], await response.ValidationErrorsAsync("lines"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("phone")]
    [InlineData("address")]
    [InlineData("district")]
    public async Task QuoteWithoutACustomerFieldIsRefusedWith400NamingIt(string field)
    {
        var app = shared.App;
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer().Without(field));

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes", body);

        Assert.NotEmpty(await response.ValidationErrorsAsync($"customer.{field}"));
    }

    [Fact]
    public async Task QuoteWithoutCustomerIsRefusedWith400()
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).Without("customer"));

        Assert.NotEmpty(await response.ValidationErrorsAsync("customer"));
    }

    [Theory]
    [InlineData("name", 101)]
    [InlineData("address", 201)]
    [InlineData("district", 21)]
    public async Task OverLongCustomerFieldIsRefusedWith400(string field, int length)
    {
        var app = shared.App;
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer().With(field, new string('长', length)));

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes", body);

        Assert.NotEmpty(await response.ValidationErrorsAsync($"customer.{field}"));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("138-1234-5678x")]
    [InlineData("call me")]
    [InlineData("23812345678")]
    public async Task BadPhoneIsRefusedWith400(string phone)
    {
        var app = shared.App;
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(phone: phone));

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes", body);

        Assert.Contains("mainland mobile", (await response.ValidationErrorsAsync("customer.phone"))[0]);
    }

    [Theory]
    [InlineData("13812345678")]
    [InlineData("+86 13812345678")]
    [InlineData("0871-63123456")]
    [InlineData("087163123456")]
    [InlineData("63123456")]
    public async Task MobileAndLandlineNumbersAreAccepted(string phone)
    {
        await using var app = new PricingApiFactory();

        var quote = await app.CreateClient("staff").IssueAsync(QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer(phone: phone)));

        Assert.Equal(phone, quote["customer"]!.Text("phone"));
    }

    [Theory]
    [InlineData("unitPrice")]
    [InlineData("price")]
    [InlineData("lineTotal")]
    public async Task PriceSentByTheClientIsRefusedWith400AndNeverUsed(string field)
    {
        var app = shared.App;
        var staff = app.CreateClient("staff");
        var line = QuoteRequests.Line("EXT-TANK-CLEAN-20", 1m).With(field, 1.00m);

        var response = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote().With("lines", new[] { line }));

        var message = (await response.ValidationErrorsAsync($"lines[0].{field}"))[0];
        Assert.Contains("Prices come from the published fee list", message);
        Assert.Equal(0, (await (await staff.GetAsync("/api/quotes")).JsonBodyAsync())["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task TotalSentByTheClientIsRefusedWith400()
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("total", 1.00m));

        Assert.Contains("Prices come from the published fee list", (await response.ValidationErrorsAsync("total"))[0]);
    }

    [Theory]
    [InlineData("""{"customer":{"name":"张三","phone":"13812345678","address":"x","district":"五华区"},"lines":[{"serviceCode":"EXT-TEST-9","quantity":"2"}]}""", "lines[0].quantity")]
    [InlineData("""{"customer":"张三","lines":[]}""", "customer")]
    [InlineData("not json", "body")]
    public async Task MalformedBodyIsRefusedWith400NamingTheField(string body, string field)
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").SendRawAsync(HttpMethod.Post, "/api/quotes", body);

        Assert.NotEmpty(await response.ValidationErrorsAsync(field));
    }

    [Fact]
    public async Task NullLineIsRefusedWith400()
    {
        var app = shared.App;

        var response = await app.CreateClient("staff").SendRawAsync(HttpMethod.Post, "/api/quotes",
            """{"customer":{"name":"张三","phone":"13812345678","address":"x","district":"五华区"},"lines":[null]}""");

        Assert.NotEmpty(await response.ValidationErrorsAsync("lines[0]"));
    }
}

/// <summary>
/// Text limits count characters as a person does (code points), not UTF-16 units: a character beyond the Basic
/// Multilingual Plane (CJK Extension B, found in rare names) used to count twice, and the refusal misstated what was typed.
/// </summary>
public class CharacterCountTests
{
    [Fact]
    public async Task ANameOfCharactersBeyondTheBasicPlaneIsCountedOneCharacterEach()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff").WithoutAcceptLanguage();
        var name = string.Concat(Enumerable.Repeat("𠀀", 100)); // U+20000: two UTF-16 units each

        var issued = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer().With("name", name)));
        var refused = await staff.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer().With("name", name + "𠀀")));

        Assert.Equal(name, (await issued.JsonBodyAsync(HttpStatusCode.Created))["customer"]!["name"]!.GetValue<string>());
        Assert.Equal(["“name”最多 100 个字符，现有 101 个。"], await refused.ValidationErrorsAsync("customer.name"));
    }
}
