using System.Net;
using PricingApi.Tests.Infrastructure;
using PricingApi.Tests.Quotes;

namespace PricingApi.Tests.Charges;

/// <summary>The whole story: issue → accept → a price cut (and a rise) published → complete → receipt.</summary>
public class QuoteToChargeTests
{
    [Fact]
    public async Task PriceCutPublishedBeforeCompletionReachesTheCustomerAndARiseNeverDoes()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        var staff = app.CreateClient("staff", "Counter 3");
        // 954.00 (900 × 1.06), 699.60 per 百米 (660 × 1.06), 265.00 (250 × 1.06), all from version 1.
        var issued = await staff.IssueAsync(("EXT-TANK-CLEAN-20", 1m), ("EXT-PIPE-FLUSH-DN50", 2m), ("EXT-TEST-9", 2m));
        var number = issued.Text("number");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var accepted = await (await staff.AcceptAsync(number)).JsonBodyAsync();

        // Version 2: the tank cleaning cut to 800.00 (848.00 incl. VAT), the test raised to 300.00 (318.00).
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TANK-CLEAN-20", Requests.Extended("EXT-TANK-CLEAN-20", 820.00m, 800.00m))).JsonBodyAsync();
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", 300.00m, 300.00m).With("unit", "样"))).JsonBodyAsync();
        await app.PublishAsync(admin);
        app.Clock.Advance(TimeSpan.FromDays(2));
        // 2.4 百米 is the quoted 2 plus the 20% a measured length may run over; one test sample fewer than quoted.
        var completed = await (await staff.CompleteAsync(number, ("EXT-TANK-CLEAN-20", 1m), ("EXT-PIPE-FLUSH-DN50", 2.4m), ("EXT-TEST-9", 1m))).JsonBodyAsync();

        Assert.Equal("accepted", accepted.Text("status"));
        Assert.Equal("2026-11-23T10:00:00+08:00", accepted.Text("acceptedAt"));
        Assert.Equal("completed", completed.Text("status"));
        Assert.Equal("2026-11-25T10:01:00+08:00", completed.Text("completedAt"));
        var charge = completed["charge"]!;
        Assert.Equal("2026-11-25T10:01:00+08:00", charge.Text("chargedAt"));
        Assert.Equal(2, charge["feeListVersionAtCharge"]!.GetValue<int>());
        var lines = charge["lines"]!.AsArray();
        Assert.Equal(["EXT-TANK-CLEAN-20", "EXT-PIPE-FLUSH-DN50", "EXT-TEST-9"], lines.Select(l => l!.Text("serviceCode")));
        Assert.Equal([848.00m, 699.60m, 265.00m], lines.Select(l => l!.Decimal("unitPrice")));
        Assert.Equal([954.00m, 699.60m, 265.00m], lines.Select(l => l!.Decimal("quotedUnitPrice")));
        Assert.Equal([848.00m, 699.60m, 318.00m], lines.Select(l => l!.Decimal("listUnitPrice")));
        Assert.Equal([2, 1, 1], lines.Select(l => l!["feeListVersion"]!.GetValue<int>()));
        Assert.Equal([1m, 2.4m, 1m], lines.Select(l => l!.Decimal("quantity")));
        // 699.60 × 2.4 = 1679.04
        Assert.Equal([848.00m, 1679.04m, 265.00m], lines.Select(l => l!.Decimal("lineTotal")));
        Assert.Equal(2792.04m, charge.Decimal("total"));
        // The quote itself is what was promised, untouched.
        Assert.Equal(2883.20m, completed.Decimal("total"));

        var reread = await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync();
        Assert.Equal("completed", reread.Text("status"));
        Assert.Equal(2792.04m, reread["charge"]!.Decimal("total"));
        var listed = await (await staff.GetAsync("/api/quotes?status=completed")).JsonBodyAsync();
        Assert.Equal(number, listed["items"]![0]!.Text("number"));

        var receipt = await staff.GetAsync($"/api/quotes/{number}/receipt");
        var html = await receipt.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("text/html", receipt.Content.Headers.ContentType?.MediaType);
        Assert.Equal(PrintedPagePolicy(html), receipt.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("收费凭证", html);
        Assert.Contains(number, html);
        // The receipt names the company that did the work and charged for it (经营者), the quote's provider.
        var provider = reread["provider"]!.Text("name");
        Assert.False(string.IsNullOrEmpty(provider));
        Assert.Contains($"经营者 <span class=\"en\" lang=\"en\">Provider</span>: {provider}", html);
        Assert.Contains("size:A4", html);
        Assert.Contains("848.00", html);
        Assert.Contains("报价单价 954.00", html);
        Assert.Contains("收费目录第 2 版", html);
        Assert.Contains("收费目录第 1 版", html);
        Assert.Contains("1,679.04", html);
        Assert.Contains("2,792.04", html);
        Assert.Contains("12315", html);
        Assert.Contains("0871-96106", html);
        Assert.True(html.IndexOf("收费凭证", StringComparison.Ordinal) < html.IndexOf("receipt", StringComparison.OrdinalIgnoreCase), "Chinese comes first.");
    }

    /// <summary>
    /// Completions were timed to the whole second, so in the second a price cut took effect they were priced (and
    /// recorded, where the regulator's check looks) from the list before it: the cut missed the customer.
    /// </summary>
    [Fact]
    public async Task APriceCutThatTookEffectInTheSameSecondReachesTheCompletion()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient("pricing-admin");
        var staff = app.CreateClient("staff");
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 2m)); // 265.00 each, from version 1

        // A cut to 200.00 (212.00 incl. VAT) a sample published "now" at 11:00:00.600; the work is recorded 100 ms later.
        await (await admin.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", 190.00m, 200.00m).With("unit", "样"))).JsonBodyAsync();
        app.Clock.Set(new DateTimeOffset(2026, 11, 23, 11, 0, 0, 600, TimeSpan.FromHours(8)));
        var published = await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { })).JsonBodyAsync(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMilliseconds(100));
        var completed = await (await staff.CompleteAsync(number, ("EXT-TEST-9", 2m))).JsonBodyAsync();

        var charge = completed["charge"]!;
        Assert.Equal(published["version"]!.GetValue<int>(), charge["feeListVersionAtCharge"]!.GetValue<int>());
        Assert.Equal(212.00m, charge["lines"]![0]!.Decimal("unitPrice"));
        Assert.Equal(424.00m, charge.Decimal("total"));
        Assert.Equal("2026-11-23T11:00:00.7+08:00", charge.Text("chargedAt"));
        Assert.Equal("2026-11-23T11:00:00.7+08:00", completed.Text("completedAt"));
        // Stored as answered: read again, the quote and its charge carry the same instant.
        var reread = await (await staff.GetAsync($"/api/quotes/{number}")).JsonBodyAsync();
        Assert.Equal("2026-11-23T11:00:00.7+08:00", reread.Text("completedAt"));
        Assert.Equal("2026-11-23T11:00:00.7+08:00", reread["charge"]!.Text("chargedAt"));
    }

    [Fact]
    public async Task CompletionWithAnIdempotencyKeyIsAnsweredAgainAndNeverChargedTwice()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = await staff.AcceptedQuoteAsync(("EXT-TEST-9", 2m));

        var first = await staff.CompleteAsync(number, ChargeRequests.Completion(("EXT-TEST-9", 2m)), "done-1");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await staff.CompleteAsync(number, ChargeRequests.Completion(("EXT-TEST-9", 2m)), "done-1");
        var otherWork = await staff.CompleteAsync(number, ChargeRequests.Completion(("EXT-TEST-9", 1m)), "done-1");

        var charged = await first.JsonBodyAsync();
        var replayed = await retry.JsonBodyAsync();
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(charged["charge"]!.ToJsonString(), replayed["charge"]!.ToJsonString());
        Assert.Equal(530.00m, replayed["charge"]!.Decimal("total"));
        Assert.Contains("was already used for quote", (await otherWork.ProblemAsync(HttpStatusCode.UnprocessableEntity)).Text("detail"));
    }

    [Fact]
    public async Task AcceptanceWithAnIdempotencyKeyIsAnsweredAgain()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");

        var first = await (await staff.AcceptAsync(number, "agree-1")).JsonBodyAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = await staff.AcceptAsync(number, "agree-1");

        var again = await retry.JsonBodyAsync();
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Text("acceptedAt"), again.Text("acceptedAt"));

        // A retry that arrives after the work was recorded (the first call timed out at the counter) is still a replay.
        await (await staff.CompleteAsync(number, ("EXT-TEST-9", 1m))).JsonBodyAsync();
        var late = await staff.AcceptAsync(number, "agree-1");
        var afterCompletion = await late.JsonBodyAsync();
        Assert.Equal("true", late.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal("completed", afterCompletion.Text("status"));
        Assert.Equal(first.Text("acceptedAt"), afterCompletion.Text("acceptedAt"));
        // Without the key, or with another, accepting a completed quote is still refused.
        await (await staff.AcceptAsync(number, "agree-2")).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task AcceptedQuoteCanStillBeCancelled()
    {
        await using var app = new PricingApiFactory();
        var staff = app.CreateClient("staff");
        var number = (await staff.IssueAsync(("EXT-TEST-9", 1m))).Text("number");
        await (await staff.AcceptAsync(number, "agree-1")).JsonBodyAsync();

        var cancelled = await (await staff.PostAsync($"/api/quotes/{number}/cancel", null)).JsonBodyAsync();

        Assert.Equal("cancelled", cancelled.Text("status"));
        // The acceptance retried now is not answered "accepted" again: it is told the quote was cancelled.
        var retry = await staff.AcceptAsync(number, "agree-1");
        Assert.Contains("cancelled", (await retry.ProblemAsync(HttpStatusCode.Conflict)).Text("detail"));
    }

    /// <summary>The policy a printed page must carry: only its own stylesheet (by hash) applies; no framing, base or forms.</summary>
    internal static string PrintedPagePolicy(string html)
    {
        var css = html[(html.IndexOf("<style>", StringComparison.Ordinal) + 7)..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(css)));
        return $"default-src 'none'; style-src 'sha256-{hash}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }
}
