using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Http;

/// <summary>Problems speak Chinese by default and English with Accept-Language: en; field names stay as sent.</summary>
public class LocalizationTests
{
    private static HttpClient Chinese(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return client;
    }

    [Fact]
    public async Task AQuoteRefusalIsChineseByDefaultAndEnglishOnRequest()
    {
        await using var app = new PricingApiFactory();
        var english = app.CreateClient(Roles.Staff);
        var chinese = Chinese(app.CreateClient(Roles.Staff));

        var zh = await (await chinese.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-NOPE", 1m), ("BAS-APPLY", 1m)))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("无法出具报价单。", zh["title"]!.GetValue<string>());
        Assert.Equal("第 1 行：“EXT-NOPE”不在现行收费目录（第 1 版）中：编码未知或已撤销。只能对已公布的延伸服务报价。 第 2 行：“BAS-APPLY”（供水报装受理）是基础服务，对用户免费，不予报价。",
            zh["detail"]!.GetValue<string>());

        var en = await (await english.PostJsonAsync("/api/quotes", QuoteRequests.Quote(("EXT-NOPE", 1m)))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("The quote cannot be issued.", en["title"]!.GetValue<string>());
        Assert.StartsWith("Line 1: 'EXT-NOPE' is not on the fee list in effect", en["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidationMessagesAreChineseWithTheFieldNamesAsSent()
    {
        await using var app = new PricingApiFactory();
        var chinese = Chinese(app.CreateClient(Roles.PricingAdmin));

        var body = Requests.Extended("EXT-ZH", vatRate: 0.5m).Without("name").With("legalBasis", "x");
        var problem = await (await chinese.PostJsonAsync("/api/admin/services", body)).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Equal("请求有误，请按各字段提示修改。", problem["title"]!.GetValue<string>());
        Assert.Contains("不能为空", errors["name"]![0]!.GetValue<string>()); // FluentValidation's own message, in its Chinese
        Assert.Equal("“vatRate”须为法定增值税税率之一：0.06, 0.09, 0.13。", errors["vatRate"]![0]!.GetValue<string>());
        Assert.Contains("法律依据登记册", errors["legalBasis"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task BusinessRulesNotFoundAndAuthenticationSpeakChineseToo()
    {
        await using var app = new PricingApiFactory();
        var admin = Chinese(app.CreateClient(Roles.PricingAdmin));

        var rule = await (await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-APPLY").With("name", "供水报装受理费"))).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("“供水报装受理费”是基础服务“供水报装受理”（BAS-APPLY）换了名称：基础服务免费，不得作为延伸服务收费。", rule["detail"]!.GetValue<string>());

        var missing = await (await admin.GetAsync("/api/admin/services/EXT-NONE")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("工作目录中没有服务“EXT-NONE”。", missing["detail"]!.GetValue<string>());

        var anonymous = Chinese(app.CreateAnonymousClient());
        var unauthorised = await (await anonymous.GetAsync("/api/admin/services")).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("需要身份验证。", unauthorised["title"]!.GetValue<string>());
        var badTime = await (await anonymous.GetAsync("/api/fee-list?at=5/6")).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("“at”须为 ISO 8601 时间，例如 2026-12-01T00:00:00+08:00。", badTime["errors"]!["at"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-GB,en;q=0.9")]
    public async Task AnyEnglishGetsEnglish(string acceptLanguage)
    {
        await using var app = new PricingApiFactory();
        var client = Chinese(app.CreateClient(Roles.PricingAdmin));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var missing = await (await client.GetAsync("/api/admin/services/EXT-NONE")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("There is no service 'EXT-NONE' in the working catalog.", missing["detail"]!.GetValue<string>());
    }
}
