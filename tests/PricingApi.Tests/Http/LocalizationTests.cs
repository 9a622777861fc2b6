using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Charges;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Http;

/// <summary>Problems speak Chinese by default and English with Accept-Language: en; field names stay as sent.</summary>
/// <remarks>One service for the tests that are refused (nothing saved); the one that issues and charges quotes, and those with their own settings, start their own.</remarks>
public class LocalizationTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    private static HttpClient Chinese(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return client;
    }

    [Fact]
    public async Task AQueryValueThatIsNotANumberIsRefusedInChineseByDefault()
    {
        var client = shared.App.CreateAnonymousClient();
        var english = await (await client.GetAsync("/api/fee-list/versions?sinceVersion=abc")).ValidationErrorsAsync("sinceVersion");
        var chinese = await (await Chinese(client).GetAsync("/api/fee-list/versions?sinceVersion=abc")).ValidationErrorsAsync("sinceVersion");

        Assert.Equal("'sinceVersion' must be a whole number; 'abc' is not.", Assert.Single(english));
        Assert.Equal("“sinceVersion”须为整数；“abc”不是整数。", Assert.Single(chinese));
    }

    /// <summary>
    /// A problem repeats what the client sent, so the client decides how long the text to translate is. Values of
    /// thousands of characters (the longest a request line allows) made the translation's search take seconds, then
    /// time out and answer 500; each is still a quick refusal in Chinese.
    /// </summary>
    [Theory]
    [InlineData('A', 6000)]
    [InlineData('\'', 4000)] // the quote mark that opens several templates, at every position
    [InlineData(' ', 3000)]
    public async Task AVeryLongValueIsStillRefusedInChinese(char filler, int length)
    {
        var value = "x" + new string(filler, length) + "x";
        var anonymous = Chinese(shared.App.CreateAnonymousClient());
        var errors = await (await anonymous.GetAsync("/api/fee-list/versions?sinceVersion=" + Uri.EscapeDataString(value))).ValidationErrorsAsync("sinceVersion");
        Assert.Equal($"“sinceVersion”须为整数；“{value}”不是整数。", Assert.Single(errors));

        var staff = Chinese(shared.App.CreateClient(Roles.Staff));
        var missing = await (await staff.GetAsync("/api/quotes/" + Uri.EscapeDataString(value))).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal($"没有编号为“{value}”的报价单。", missing["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task AQuoteRefusalIsChineseByDefaultAndEnglishOnRequest()
    {
        var app = shared.App;
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
    public async Task APriceSentWithAQuoteRequestIsRefusedInChinese()
    {
        var chinese = Chinese(shared.App.CreateClient(Roles.Staff));
        var body = QuoteRequests.Quote(("EXT-TEST-9", 1m));
        body["total"] = 1m;

        var errors = await (await chinese.PostJsonAsync("/api/quotes", body)).ValidationErrorsAsync("total");

        Assert.Equal("价格以已公布的收费目录为准；报价申请只填写服务编码和数量，不要填写“total”。", Assert.Single(errors));
    }

    [Fact]
    public async Task ValidationMessagesAreChineseWithTheFieldNamesAsSent()
    {
        var app = shared.App;
        var chinese = Chinese(app.CreateClient(Roles.PricingAdmin));

        var body = Requests.Extended("EXT-ZH", vatRate: 0.5m).Without("name").With("legalBasis", "x");
        var problem = await (await chinese.PostJsonAsync("/api/admin/services", body)).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Equal("请求有误，请按各字段提示修改。", problem["title"]!.GetValue<string>());
        Assert.Equal("“name”不能为空。", errors["name"]![0]!.GetValue<string>()); // FluentValidation's own rule, in the service's Chinese
        Assert.Equal("“vatRate”须为法定增值税税率之一：0.06, 0.09, 0.13。", errors["vatRate"]![0]!.GetValue<string>());
        Assert.Contains("法律依据登记册", errors["legalBasis"]![0]!.GetValue<string>());
    }

    /// <summary>The library's built-in Chinese kept English quoting and words: 'quantity' 必须大于 '0'。, 'customer' 不能为Null。</summary>
    [Fact]
    public async Task TheLibrarysRulesSpeakTheClerksChinese()
    {
        var staff = Chinese(shared.App.CreateClient(Roles.Staff));
        var quote = QuoteRequests.Quote(("EXT-TEST-9", 0m));
        quote.Remove("customer");

        var problem = await (await staff.PostJsonAsync("/api/quotes", quote)).ProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Equal("必须填写“customer”。", errors["customer"]![0]!.GetValue<string>());
        Assert.Equal("“quantity”须大于 0。", errors["lines[0].quantity"]![0]!.GetValue<string>());
        var tooLong = QuoteRequests.Quote(("EXT-TEST-9", 1m));
        tooLong["customer"] = QuoteRequests.Customer(name: new string('张', 101));
        var length = await (await staff.PostJsonAsync("/api/quotes", tooLong)).ValidationErrorsAsync("customer.name");
        Assert.Equal("“name”最多 100 个字符，现有 101 个。", Assert.Single(length));
    }

    [Fact]
    public async Task BusinessRulesNotFoundAndAuthenticationSpeakChineseToo()
    {
        var app = shared.App;
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

    /// <summary>A body sent as another media type (curl's default form type, text/plain) was a bare 415 titled in English.</summary>
    [Theory]
    [InlineData("/api/quotes", Roles.Staff, "text/plain")]
    [InlineData("/api/admin/services", Roles.PricingAdmin, "application/x-www-form-urlencoded")]
    [InlineData("/api/quotes", Roles.Staff, "text/body")] // the client's media type does not steer the message
    public async Task ABodyOfAnotherMediaTypeIsRefusedInChineseNamingTheBody(string path, string role, string mediaType)
    {
        var client = Chinese(shared.App.CreateClient(role));

        var response = await client.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, mediaType));
        var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("不支持该请求内容的类型。", problem["title"]!.GetValue<string>());
        Assert.Equal("请以 application/json 发送请求体。", problem["errors"]!["body"]![0]!.GetValue<string>());
        var english = await (await English(shared.App.CreateClient(role)).PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, mediaType)))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the body as application/json.", english["errors"]!["body"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("en-GB,en;q=0.9")]
    public async Task AnyEnglishGetsEnglish(string acceptLanguage)
    {
        var app = shared.App;
        var client = Chinese(app.CreateClient(Roles.PricingAdmin));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);

        var missing = await (await client.GetAsync("/api/admin/services/EXT-NONE")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("There is no service 'EXT-NONE' in the working catalog.", missing["detail"]!.GetValue<string>());
    }

    private static HttpClient English(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    [Fact]
    public async Task ChargeRefusalsAreChineseByDefaultAndEnglishOnRequest()
    {
        await using var app = new PricingApiFactory();
        var chinese = Chinese(app.CreateClient(Roles.Staff));
        var english = English(app.CreateClient(Roles.Staff));

        // Accept: the quote is already accepted.
        var accepted = await chinese.AcceptedQuoteAsync(("EXT-TEST-9", 2m), ("EXT-PIPE-FLUSH-DN50", 2m));
        var zhAccept = await (await chinese.AcceptAsync(accepted, "another")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("报价单无法确认。", zhAccept.Text("title"));
        Assert.Equal($"报价单 {accepted} 已于 2026-11-23T09:00:00+08:00 由客户确认，无需再次确认。", zhAccept.Text("detail"));
        var enAccept = await (await english.AcceptAsync(accepted, "third")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The quote cannot be accepted.", enAccept.Text("title"));
        Assert.Equal($"Quote {accepted} was already accepted at 2026-11-23T09:00:00+08:00.", enAccept.Text("detail"));

        // Complete: several lines refused in one detail, each sentence translated on its own.
        (string, decimal)[] work = [("EXT-TEST-9", 1.5m), ("EXT-LEAK-DN50", 1m), ("EXT-PIPE-FLUSH-DN50", 2.41m)];
        var zhComplete = await (await chinese.CompleteAsync(accepted, work)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("无法完工收费。", zhComplete.Text("title"));
        Assert.Equal(
            "第 1 行：EXT-TEST-9 按样计价，数量须为整数，1.5 不是整数。 "
            + "第 2 行：EXT-LEAK-DN50 不在报价单上，只能对报价单上的服务项目收费。 "
            + "第 3 行：EXT-PIPE-FLUSH-DN50 完工数量 2.41百米 超过报价数量的 20% 容差，最多 2.4百米；超出部分请重新报价。",
            zhComplete.Text("detail"));
        var enComplete = await (await english.CompleteAsync(accepted, work)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("The work cannot be completed and charged.", enComplete.Text("title"));
        Assert.Equal(
            "Line 1: 'EXT-TEST-9' is priced per 样 and charged in whole units; 1.5 is not a whole number. "
            + "Line 2: 'EXT-LEAK-DN50' is not on the quote; only services on the quote can be charged. "
            + "Line 3: 'EXT-PIPE-FLUSH-DN50' done 2.41 百米 is beyond the 20% tolerance over the quote (at most 2.4); quote the rest anew.",
            enComplete.Text("detail"));

        // The completion's validator: the field names stay as sent.
        var zhEmpty = await (await chinese.CompleteAsync(accepted, new { lines = Array.Empty<object>() })).ValidationErrorsAsync("lines");
        Assert.Equal("完工收费至少需要填写一行已完成的服务。", Assert.Single(zhEmpty));
        var zhPriced = await (await chinese.CompleteAsync(accepted, new { lines = new[] { new { serviceCode = "EXT-TEST-9", quantity = 1, unitPrice = 1.00 } } }))
            .ValidationErrorsAsync("lines[0].unitPrice");
        Assert.Equal("价格以已公布的收费目录为准；只需填写“serviceCode”和“quantity”，不要填写“unitPrice”。", Assert.Single(zhPriced));

        // Cancel: a completed quote.
        var charged = (await chinese.ChargedQuoteAsync(("EXT-TEST-9", 1m))).Text("number");
        var zhCancel = await (await chinese.PostAsync($"/api/quotes/{charged}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("报价单无法作废。", zhCancel.Text("title"));
        Assert.Equal($"报价单 {charged} 已于 2026-11-23T09:00:00+08:00 完工收费，不能作废。", zhCancel.Text("detail"));
        var enCancel = await (await english.PostAsync($"/api/quotes/{charged}/cancel", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The quote cannot be cancelled.", enCancel.Text("title"));
        Assert.Equal($"Quote {charged} was completed and charged at 2026-11-23T09:00:00+08:00; a completed quote cannot be cancelled.", enCancel.Text("detail"));
    }

    [Fact]
    public async Task PublishingRefusalsAreChineseByDefaultAndEnglishOnRequest()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["Publishing:RequireApproval"] = "true" });
        var chinese = Chinese(app.CreateClient(Roles.PricingAdmin, "Price desk Li"));
        var english = English(app.CreateClient(Roles.PricingAdmin, "Price desk Li"));

        // Withdrawal of the version in effect: 409.
        var zhWithdraw = await (await chinese.PostJsonAsync("/api/admin/fee-list/versions/1/withdrawal", new { reason = "太迟" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("该请求与已保存的内容冲突。", zhWithdraw.Text("title"));
        Assert.Matches(@"^第 1 版已于 \S+ 生效，不能撤回；如需更正，请发布新版本。$", zhWithdraw.Text("detail"));
        var enWithdraw = await (await english.PostJsonAsync("/api/admin/fee-list/versions/1/withdrawal", new { reason = "too late" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Matches(@"^Version 1 took effect at \S+ and can no longer be withdrawn; publish a new version to correct it\.$", enWithdraw.Text("detail"));

        // A withdrawal needs its reason: the field name stays as sent.
        var zhReason = await (await chinese.PostJsonAsync("/api/admin/fee-list/versions/1/withdrawal", new { reason = "" })).ValidationErrorsAsync("reason");
        Assert.Contains("必须填写“reason”：撤回原因会向公众公示。", zhReason);

        // Self-approval: 403.
        await chinese.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-L10N"));
        var id = (await (await chinese.PostJsonAsync("/api/admin/fee-list/versions", new { effectiveFrom = "2026-12-01" })).JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();
        var zhOwn = await (await chinese.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("无权操作。", zhOwn.Text("title"));
        Assert.Equal("发布须经另一名价格管理员批准：申请人不能批准自己的发布申请。", zhOwn.Text("detail"));
        // The same key, asking for English.
        using var inEnglish = new HttpRequestMessage(HttpMethod.Post, $"/api/admin/fee-list/proposals/{id}/approval");
        inEnglish.Headers.AcceptLanguage.ParseAdd("en");
        var enOwn = await (await chinese.SendAsync(inEnglish)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Forbidden.", enOwn.Text("title"));
        Assert.Equal("Publishing needs a second pricing admin: the key that proposed it cannot approve it.", enOwn.Text("detail"));

        // An unknown proposal: 404.
        var zhUnknown = await (await chinese.PostAsync("/api/admin/fee-list/proposals/99/approval", null)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("发布申请 99 不存在。", zhUnknown.Text("detail"));
    }

    [Fact]
    public async Task ConnectionValidationIsChineseByDefaultWithTheFieldNamesAsSent()
    {
        var app = shared.App;
        var body = new { meterDiameterMm = 27, externalPipeLengthM = 50, customerType = "non-residential", project = new { connectionKind = "new", hasExternalPipeWorks = true, projectDataOnGovernmentPlatform = true } };

        var zh = await (await Chinese(app.CreateAnonymousClient()).PostJsonAsync("/api/connections/assessments", body)).ProblemAsync(HttpStatusCode.BadRequest);
        var zhErrors = zh["errors"]!.AsObject();
        Assert.Equal("请求有误，请按各字段提示修改。", zh.Text("title"));
        Assert.StartsWith("“meterDiameterMm”须为标准公称直径（DN，毫米）：", zhErrors["meterDiameterMm"]![0]!.GetValue<string>());
        Assert.Equal("非居民项目必须填写“buildingType”：standard-factory（标准厂房）、ordinary-warehouse（普通仓库）或 other（其他）。",
            zhErrors["project.buildingType"]![0]!.GetValue<string>());

        var en = await (await English(app.CreateAnonymousClient()).PostJsonAsync("/api/connections/assessments", body)).ProblemAsync(HttpStatusCode.BadRequest);
        var enErrors = en["errors"]!.AsObject();
        Assert.Equal(zhErrors.Select(e => e.Key).Order(), enErrors.Select(e => e.Key).Order());
        Assert.StartsWith("'meterDiameterMm' must be a standard nominal diameter (DN) in mm: ", enErrors["meterDiameterMm"]![0]!.GetValue<string>());
        Assert.Equal("'buildingType' is required for a non-residential project: standard-factory, ordinary-warehouse or other.",
            enErrors["project.buildingType"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task TooManyRequestsIsChineseByDefaultAndEnglishOnRequest()
    {
        await using var app = new PricingApiFactory(settings: new Dictionary<string, string?> { ["RateLimits:AnonymousPostsPerMinute"] = "1" });
        var client = Chinese(app.CreateAnonymousClient());
        var body = new { meterDiameterMm = 25, externalPipeLengthM = 50, customerType = "residential" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/connections/assessments", body)).StatusCode);

        var zh = await (await client.PostJsonAsync("/api/connections/assessments", body)).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("请求过于频繁。", zh.Text("title"));
        Assert.Matches(@"^该地址请求过于频繁，请稍后再试。请在 \d+ 秒后重试。$", zh.Text("detail"));

        var en = await (await English(client).PostJsonAsync("/api/connections/assessments", body)).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests.", en.Text("title"));
        Assert.Matches(@"^Too many requests from this address; wait before trying again\. Retry after \d+ s\.$", en.Text("detail"));
    }

    [Fact]
    public async Task ServiceAreaRefusalsAreChineseByDefaultAndEnglishOnRequest()
    {
        var app = shared.App;
        var chinese = Chinese(app.CreateClient(Roles.Staff));
        var english = English(app.CreateClient(Roles.Staff));
        var outside = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer("呈贡区", street: null));

        var zh = await (await chinese.PostJsonAsync("/api/quotes", outside)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("无法出具报价单。", zh.Text("title"));
        Assert.StartsWith("呈贡区不在延伸服务试点区域内（试点区域不含呈贡区），不能出具报价单。 延伸服务试点区域为昆明市主城区（不含呈贡区）三环范围内：五华区（华山街道、护国街道",
            zh.Text("detail"));
        Assert.EndsWith("；不含呈贡区。", zh.Text("detail"));

        var en = await (await english.PostJsonAsync("/api/quotes", outside)).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("The quote cannot be issued.", en.Text("title"));
        Assert.StartsWith("呈贡区 is excluded from the extended-services area, so no quote can be made there. Extended services are offered in Kunming's main urban area inside the Third Ring Road (Chenggong District excluded): 五华区 (华山街道、护国街道",
            en.Text("detail"));
        Assert.EndsWith("; not 呈贡区.", en.Text("detail"));

        // A partial district without a street: 400 on the field as sent, in both languages.
        var noStreet = QuoteRequests.Quote(("EXT-TEST-9", 1m)).With("customer", QuoteRequests.Customer("官渡区", street: null));
        var zhStreet = await (await chinese.PostJsonAsync("/api/quotes", noStreet)).ValidationErrorsAsync("customer.street");
        Assert.Matches("^官渡区只有部分街道在延伸服务试点区域内（.+），请填写客户地址所在的街道（street）。$", Assert.Single(zhStreet));
        var enStreet = await (await english.PostJsonAsync("/api/quotes", noStreet)).ValidationErrorsAsync("customer.street");
        Assert.Matches(@"^Only part of 官渡区 is in the extended-services area \(.+\): give the street \(街道\) the customer's address lies in\.$", Assert.Single(enStreet));
    }
}

/// <summary>
/// Problems written outside request localization, by the status-code pages (an unknown route) and by the exception
/// handler (a body that is not JSON), still speak the language the request asked for.
/// </summary>
public class OuterProblemLanguageTests
{
    [Fact]
    public async Task AnUnknownRouteAndAnUnreadableBodyFollowAcceptLanguage()
    {
        await using var app = new PricingApiFactory();
        var client = app.CreateClient(Roles.Staff);

        async Task<(string Title, string? Detail)> Ask(string language, HttpRequestMessage request)
        {
            request.Headers.AcceptLanguage.Clear();
            if (language.Length > 0)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            client.DefaultRequestHeaders.AcceptLanguage.Clear();
            var response = await client.SendAsync(request);
            var problem = await response.ProblemAsync(request.Method == HttpMethod.Get ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
            return (problem["title"]!.GetValue<string>(), problem["detail"]?.GetValue<string>());
        }

        HttpRequestMessage Unknown() => new(HttpMethod.Get, "/api/no-such-route");
        HttpRequestMessage Unreadable() => new(HttpMethod.Post, "/api/quotes") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };

        Assert.Equal("未找到。", (await Ask("", Unknown())).Title);
        Assert.Equal("Not Found", (await Ask("en", Unknown())).Title);
        Assert.Equal("请求有误，请按各字段提示修改。", (await Ask("", Unreadable())).Title);
        Assert.Equal("One or more validation errors occurred.", (await Ask("en", Unreadable())).Title);
    }
}
