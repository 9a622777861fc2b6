using System.Net;
using System.Xml;
using System.Xml.Linq;
using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Publishing;

/// <summary>Issue 17, point 5: the Atom feed of publications and withdrawals, read with a real XML parser.</summary>
public class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task TheFeedListsPublicationsAndWithdrawalsNewestFirstWithLinksToEachVersion()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        await admin.PostJsonAsync("/api/admin/services", Requests.Extended("EXT-FEED"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions", new { effectiveFrom = "2026-12-10" })).JsonBodyAsync(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await admin.PostJsonAsync("/api/admin/fee-list/versions/2/withdrawal", new { reason = "价格有误" })).JsonBodyAsync();

        var response = await app.CreateAnonymousClient().GetAsync("/api/fee-list/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var feed = XDocument.Load(reader).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Matches(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", feed.Element(Atom + "id")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "title")!.Value));
        Assert.Equal("2026-11-23T09:02:00+08:00", feed.Element(Atom + "updated")!.Value);
        // No FeeList:PublicUrl here: links are relative to the feed's own address.
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == "/api/fee-list/feed.atom");
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));

        var entries = feed.Elements(Atom + "entry").ToList();
        var ids = entries.Select(e => e.Element(Atom + "id")!.Value).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("urn:uuid:", id));
        Assert.Equal(["2026-11-23T09:02:00+08:00", "2026-11-23T09:01:00+08:00", "2026-11-23T09:00:00+08:00"],
            entries.Select(e => e.Element(Atom + "updated")!.Value));
        Assert.Contains("价格有误", entries[0].Element(Atom + "summary")!.Value);
        foreach (var entry in entries)
        {
            var links = entry.Elements(Atom + "link").ToDictionary(l => (string)l.Attribute("rel")!, l => (string)l.Attribute("href")!);
            Assert.Matches(@"^/fees/\d$", links["alternate"]);
            Assert.Matches(@"^/api/fee-list/versions/\d$", links["related"]);
            Assert.Equal(HttpStatusCode.OK, (await app.CreateAnonymousClient().GetAsync(links["related"])).StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")!.Value));
        }
    }

    [Fact]
    public async Task LinksFollowThePublicUrlNeverTheClientsHostHeaderAndIdsDoNotChangeWithEither()
    {
        await using var plain = new PricingApiFactory();
        await using var configured = new PricingApiFactory(settings: new Dictionary<string, string?> { ["FeeList:PublicUrl"] = "https://fees.example.cn/" });

        async Task<XElement> FeedAsync(PricingApiFactory app, string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/fee-list/feed.atom");
            request.Headers.Host = host;
            var response = await app.CreateAnonymousClient().SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("attacker", text);
            return XDocument.Parse(text).Root!;
        }

        var first = await FeedAsync(plain, "attacker.example");
        var second = await FeedAsync(plain, "localhost");
        var published = await FeedAsync(configured, "attacker.example");

        Assert.Equal(first.ToString(), second.ToString()); // the same bytes whoever asks, so a CDN may keep them
        var link = published.Elements(Atom + "entry").Single().Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate");
        Assert.Equal("https://fees.example.cn/fees/1", (string?)link.Attribute("href"));
        Assert.Contains(published.Elements(Atom + "link"), l => (string?)l.Attribute("href") == "https://fees.example.cn/api/fee-list/feed.atom");
        Assert.Equal(first.Element(Atom + "id")!.Value, published.Element(Atom + "id")!.Value);
        Assert.Equal(first.Element(Atom + "entry")!.Element(Atom + "id")!.Value, published.Element(Atom + "entry")!.Element(Atom + "id")!.Value);
    }
}
