using System.Net;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>Issue 17, point 3: four-eyes publishing with Publishing:RequireApproval.</summary>
public class ApprovalTests
{
    private const string Publish = "/api/admin/fee-list/versions";
    private static readonly Dictionary<string, string?> FourEyes = new() { ["Publishing:RequireApproval"] = "true" };

    /// <summary>Adds EXT-4EYES to the working catalog and proposes publishing it now; returns the proposal's id.</summary>
    private static async Task<long> ProposeANewServiceAsync(HttpClient proposer)
    {
        await proposer.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES"));
        return (await (await proposer.PostJsonAsync(Publish, new { })).JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();
    }

    /// <summary>A second proposal of the same catalog stayed open for good once the first was approved; it is refused while the first waits.</summary>
    [Fact]
    public async Task TheSameCatalogProposedTwiceIsRefusedWhileTheFirstProposalWaits()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var approver = app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang");
        var first = await ProposeANewServiceAsync(proposer);

        var again = await (await approver.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"Proposal {first} already proposes this catalog", again["detail"]!.GetValue<string>());
        // Another time of taking effect is another proposal.
        await (await proposer.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-01" })).JsonBodyAsync(HttpStatusCode.Accepted);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await approver.PostAsync($"/api/admin/fee-list/proposals/{first}/approval", null)).JsonBodyAsync(HttpStatusCode.Created);
        Assert.Contains("Nothing changed", (await (await proposer.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
    }

    /// <summary>
    /// The same catalog proposed for two dates: approving one made the other identical to the new version, so it could
    /// never be approved (422, nothing changed) and stayed open for good. The publish closes it, saying why.
    /// </summary>
    [Fact]
    public async Task ApprovingAProposalClosesTheOtherProposalsOfTheSameCatalogWithTheReason()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var approver = app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang");
        await proposer.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES"));
        var first = (await (await proposer.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-05" })).JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();
        var second = (await (await approver.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-06" })).JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();

        await (await approver.PostAsync($"/api/admin/fee-list/proposals/{first}/approval", null)).JsonBodyAsync(HttpStatusCode.Created);

        var closed = await (await proposer.GetAsync($"/api/admin/fee-list/proposals/{second}")).JsonBodyAsync();
        Assert.Equal("rejected", closed["status"]!.GetValue<string>());
        Assert.Equal("Head of pricing Wang", closed["rejectedBy"]!.GetValue<string>());
        Assert.Contains("Version 2 published this very catalog", closed["rejectionReason"]!.GetValue<string>());
        Assert.NotNull(closed["rejectedAt"]);
        Assert.Empty((await (await proposer.GetAsync("/api/admin/fee-list/proposals?status=open")).JsonBodyAsync()).AsArray());
        Assert.Equal(second, Assert.Single((await (await proposer.GetAsync("/api/admin/fee-list/proposals?status=rejected")).JsonBodyAsync()).AsArray())!["proposal"]!.GetValue<long>());
        var refused = await (await app.CreateClient(Roles.PricingAdmin, "Third admin").PostAsync($"/api/admin/fee-list/proposals/{second}/approval", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"Proposal {second} was rejected", refused["detail"]!.GetValue<string>());
        var audited = Assert.Single((await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/audit?action=publication-rejected")).JsonBodyAsync())["items"]!.AsArray())!;
        Assert.Equal(second.ToString(), audited["subject"]!.GetValue<string>());
        Assert.Equal("rejected", audited["after"]!["status"]!.GetValue<string>());
    }

    /// <summary>A proposal that can no longer be approved (or should not be) is closed by a pricing admin, with a reason, and stays closed.</summary>
    [Fact]
    public async Task APricingAdminRejectsAnOpenProposalWithAReasonAndItCanBeNeitherApprovedNorRejectedAgain()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var approver = app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang");
        var id = await ProposeANewServiceAsync(proposer);
        var rejection = $"/api/admin/fee-list/proposals/{id}/rejection";

        await (await approver.PostJsonAsync(rejection, new { })).ValidationErrorsAsync("reason");
        await (await approver.PostJsonAsync("/api/admin/fee-list/proposals/999/rejection", new { reason = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient(Roles.Regulator).PostJsonAsync(rejection, new { reason = "x" })).ProblemAsync(HttpStatusCode.Forbidden);
        var rejected = await (await approver.PostJsonAsync(rejection, new { reason = "  价格待复核 Prices to be checked again  " })).JsonBodyAsync();

        Assert.Equal("rejected", rejected["status"]!.GetValue<string>());
        Assert.Equal("价格待复核 Prices to be checked again", rejected["rejectionReason"]!.GetValue<string>());
        Assert.Equal("Head of pricing Wang", rejected["rejectedBy"]!.GetValue<string>());
        var listed = Assert.Single((await (await proposer.GetAsync("/api/admin/fee-list/proposals")).JsonBodyAsync()).AsArray())!;
        Assert.Equal("rejected", listed["status"]!.GetValue<string>());
        Assert.Equal("价格待复核 Prices to be checked again", listed["rejectionReason"]!.GetValue<string>());

        var approval = await (await approver.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"Proposal {id} was rejected at", approval["detail"]!.GetValue<string>());
        Assert.Single((await (await approver.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
        var again = await (await proposer.WithoutAcceptLanguage().PostJsonAsync(rejection, new { reason = "withdrawn" })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains($"发布申请 {id} 已于", again["detail"]!.GetValue<string>());
        Assert.Equal("价格待复核 Prices to be checked again",
            (await (await approver.GetAsync($"/api/admin/fee-list/proposals/{id}")).JsonBodyAsync())["rejectionReason"]!.GetValue<string>());

        var audited = Assert.Single((await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/audit?action=publication-rejected")).JsonBodyAsync())["items"]!.AsArray())!;
        Assert.Equal("Head of pricing Wang", audited["actor"]!["name"]!.GetValue<string>());
        Assert.Equal("open", audited["before"]!["status"]!.GetValue<string>());
        Assert.Equal("价格待复核 Prices to be checked again", audited["after"]!["rejectionReason"]!.GetValue<string>());
    }

    /// <summary>The proposer may close their own proposal (one whose effectiveFrom passed can never be approved).</summary>
    [Fact]
    public async Task TheProposerClosesTheirOwnProposalWhoseTimeHasPassed()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        await proposer.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES"));
        var id = (await (await proposer.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-05" })).JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();
        app.Clock.Advance(TimeSpan.FromDays(30));
        await (await app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang").PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity);

        var closed = await (await proposer.PostJsonAsync($"/api/admin/fee-list/proposals/{id}/rejection", new { reason = "Its date has passed" })).JsonBodyAsync();

        Assert.Equal("rejected", closed["status"]!.GetValue<string>());
        Assert.Equal("Price desk Li", closed["rejectedBy"]!.GetValue<string>());
        Assert.Empty((await (await proposer.GetAsync("/api/admin/fee-list/proposals?status=open")).JsonBodyAsync()).AsArray());
    }

    /// <summary>A rejected proposal is closed: the same catalog may be proposed again (a closed one was still counted as waiting, a 409).</summary>
    [Fact]
    public async Task TheCatalogOfARejectedProposalCanBeProposedAgain()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var first = await ProposeANewServiceAsync(proposer);
        await (await proposer.PostJsonAsync($"/api/admin/fee-list/proposals/{first}/rejection", new { reason = "Wrong date" })).JsonBodyAsync();

        var again = await (await proposer.PostJsonAsync(Publish, new { })).JsonBodyAsync(HttpStatusCode.Accepted);

        Assert.NotEqual(first, again["proposal"]!.GetValue<long>());
        Assert.Equal("open", again["status"]!.GetValue<string>());
    }

    /// <summary>A proposal does not keep the sample-data setting, so setting it is refused rather than silently dropped.</summary>
    [Fact]
    public async Task AProposalThatSetsTheSampleMarkIsRefusedAndNothingIsProposed()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES"));

        var refused = await (await admin.PostJsonAsync(Publish, new { sample = false })).ProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("'sample' cannot be set", refused["detail"]!.GetValue<string>());
        Assert.Empty((await (await admin.GetAsync("/api/admin/fee-list/proposals")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task AProposalIsPublishedOnlyWhenAnotherAdminApprovesIt()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var approver = app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang");
        await proposer.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES"));

        var response = await proposer.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-01" });
        var proposal = await response.JsonBodyAsync(HttpStatusCode.Accepted);
        var id = proposal["proposal"]!.GetValue<long>();
        Assert.Equal("open", proposal["status"]!.GetValue<string>());
        Assert.Equal("Price desk Li", proposal["proposedBy"]!.GetValue<string>());
        Assert.Single((await (await proposer.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());

        var own = await (await proposer.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("cannot approve", own["detail"]!.GetValue<string>());
        Assert.Single((await (await proposer.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());

        var approved = await (await approver.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).JsonBodyAsync(HttpStatusCode.Created);
        Assert.Equal(2, approved["version"]!.GetValue<int>());
        Assert.Equal("2026-12-01T00:00:00+08:00", approved["effectiveFrom"]!.GetValue<string>());
        var document = await (await app.CreateClient(Roles.Regulator).GetAsync("/api/regulator/fee-list/versions/2")).JsonBodyAsync();
        Assert.Equal("Head of pricing Wang", document["publishedBy"]!.GetValue<string>());
        await (await approver.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).ProblemAsync(HttpStatusCode.Conflict);

        var regulator = app.CreateClient(Roles.Regulator);
        var proposed = Assert.Single((await (await regulator.GetAsync("/api/regulator/audit?action=publication-proposed")).JsonBodyAsync())["items"]!.AsArray())!;
        Assert.Equal("Price desk Li", proposed["actor"]!["name"]!.GetValue<string>());
        Assert.Equal(id.ToString(), proposed["subject"]!.GetValue<string>());
        var approval = Assert.Single((await (await regulator.GetAsync("/api/regulator/audit?action=publication-approved")).JsonBodyAsync())["items"]!.AsArray())!;
        Assert.Equal("Head of pricing Wang", approval["actor"]!["name"]!.GetValue<string>());
        Assert.Equal(2, approval["after"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnApprovalAfterTheCatalogChangedIsRefusedAndPublishesNothing()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var approver = app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang");
        var id = await ProposeANewServiceAsync(proposer);

        // Edited after the proposal: the approver would publish a price the proposer never saw.
        await proposer.PutJsonAsync("/api/admin/services/EXT-4EYES", Requests.Extended("EXT-4EYES", priceExcludingTax: 105m));
        var problem = await (await approver.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("changed after proposal", problem["detail"]!.GetValue<string>());
        Assert.Single((await (await approver.GetAsync("/api/fee-list/versions")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task ProposingAnUnchangedCatalogOrApprovingAnUnknownProposalIsRefused()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var admin = app.CreateClient(Roles.PricingAdmin);

        var unchanged = await (await admin.PostJsonAsync(Publish, new { })).ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Nothing changed", unchanged["detail"]!.GetValue<string>());
        await (await admin.PostAsync("/api/admin/fee-list/proposals/999/approval", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await app.CreateClient(Roles.Regulator).PostAsync("/api/admin/fee-list/proposals/1/approval", null)).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnApproverCanListProposalsAndSeeWhatApprovingOneWouldPublish()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var proposer = app.CreateClient(Roles.PricingAdmin, "Price desk Li");
        var approver = app.CreateClient(Roles.PricingAdmin, "Head of pricing Wang");
        await proposer.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES", priceExcludingTax: 108m));
        await proposer.PutJsonAsync("/api/admin/services/EXT-TEST-9", Requests.Extended("EXT-TEST-9", priceExcludingTax: 104m));
        var response = await proposer.PostJsonAsync(Publish, new { effectiveFrom = "2026-12-01" });
        var id = (await response.JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();

        // The 202's Location is the proposal itself.
        Assert.Equal($"/api/admin/fee-list/proposals/{id}", response.Headers.Location!.OriginalString);
        var open = Assert.Single((await (await approver.GetAsync("/api/admin/fee-list/proposals?status=open")).JsonBodyAsync()).AsArray())!;
        Assert.Equal(id, open["proposal"]!.GetValue<long>());
        Assert.Equal("Price desk Li", open["proposedBy"]!.GetValue<string>());
        Assert.Null(open["changes"]);
        Assert.Empty((await (await approver.GetAsync("/api/admin/fee-list/proposals?status=approved")).JsonBodyAsync()).AsArray());

        var review = await (await approver.GetAsync(response.Headers.Location.OriginalString)).JsonBodyAsync();
        Assert.False(review["catalogChangedSince"]!.GetValue<bool>());
        var changes = review["changes"]!;
        Assert.Equal(2, changes["version"]!.GetValue<int>());
        Assert.Equal(1, changes["previousVersion"]!.GetValue<int>());
        Assert.Equal("EXT-4EYES", Assert.Single(changes["added"]!.AsArray())!["code"]!.GetValue<string>());
        var repriced = Assert.Single(changes["repriced"]!.AsArray())!;
        Assert.Equal("EXT-TEST-9", repriced["code"]!.GetValue<string>());
        Assert.Equal(104m, repriced["newPriceExcludingTax"]!.GetValue<decimal>());
        Assert.Empty(changes["removed"]!.AsArray());

        // What the approval then publishes is what the review showed.
        await (await approver.PostAsync($"/api/admin/fee-list/proposals/{id}/approval", null)).JsonBodyAsync(HttpStatusCode.Created);
        var published = await (await approver.GetAsync("/api/fee-list/versions/2/changes")).JsonBodyAsync();
        Assert.Equal(changes["added"]!.ToJsonString(), published["added"]!.ToJsonString());
        Assert.Equal(changes["repriced"]!.ToJsonString(), published["repriced"]!.ToJsonString());
        var approved = await (await approver.GetAsync($"/api/admin/fee-list/proposals/{id}")).JsonBodyAsync();
        Assert.Equal("approved", approved["status"]!.GetValue<string>());
        Assert.Equal(2, approved["version"]!.GetValue<int>());
        Assert.Null(approved["changes"]);
        Assert.Null(approved["catalogChangedSince"]);
        Assert.Empty((await (await approver.GetAsync("/api/admin/fee-list/proposals?status=open")).JsonBodyAsync()).AsArray());
    }

    [Fact]
    public async Task AProposalWhoseCatalogChangedSaysSoAndBadReadsAreRefused()
    {
        await using var app = new PricingApiFactory(settings: FourEyes);
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-4EYES"));
        var id = (await (await admin.PostJsonAsync(Publish, new { })).JsonBodyAsync(HttpStatusCode.Accepted))["proposal"]!.GetValue<long>();
        await admin.PutJsonAsync("/api/admin/services/EXT-4EYES", Requests.Extended("EXT-4EYES", priceExcludingTax: 105m));

        var review = await (await admin.GetAsync($"/api/admin/fee-list/proposals/{id}")).JsonBodyAsync();
        Assert.Equal("open", review["status"]!.GetValue<string>());
        Assert.True(review["catalogChangedSince"]!.GetValue<bool>());
        Assert.Null(review["changes"]);

        await (await admin.GetAsync("/api/admin/fee-list/proposals?status=pending")).ValidationErrorsAsync("status");
        var unknown = await (await admin.GetAsync("/api/admin/fee-list/proposals/999")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("999", unknown["detail"]!.GetValue<string>());
        await (await app.CreateClient(Roles.Staff).GetAsync("/api/admin/fee-list/proposals")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
