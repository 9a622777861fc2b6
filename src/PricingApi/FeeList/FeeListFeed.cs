using System.Security.Cryptography;
using System.Text;
using System.Xml;
using PricingApi.Utility;

namespace PricingApi.FeeList;

/// <summary>
/// The Atom feed (RFC 4287) of publications and withdrawals, newest first: how the website and regulators learn of a
/// change without polling every version. Each publication and each withdrawal is an entry with a permanent id.
/// </summary>
/// <remarks>
/// Nothing in the feed comes from the request: it is public and cacheable, so a link built from the client's Host
/// header would let one client plant its own address in what a CDN serves everyone. Links are absolute under
/// <c>FeeList:PublicUrl</c> when that is set, else paths, which a feed reader resolves against the feed's own address
/// (RFC 4287 §3.3 allows relative references). Ids are <c>urn:uuid:</c> names derived from the publisher and the
/// entry, so they stay the same whatever address the service is reached by, and when <c>PublicUrl</c> is set later.
/// </remarks>
public static class FeeListFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";

    private sealed record Entry(string Id, DateTimeOffset Updated, string Title, string Summary, int Version);

    /// <param name="newestFirst">The versions as <see cref="FeeListStore.VersionsAsync"/> lists them.</param>
    /// <param name="utility">Who publishes: the feed's author.</param>
    /// <param name="baseUrl"><c>FeeList:PublicUrl</c> without a trailing slash, or empty for links relative to the feed.</param>
    public static byte[] Render(IReadOnlyList<VersionSummary> newestFirst, UtilityOptions utility, string baseUrl)
    {
        var entries = newestFirst.Select(Published).Concat(newestFirst.Where(v => v.WithdrawnAt is not null).Select(Withdrawn))
            .OrderByDescending(e => e.Updated).ThenByDescending(e => e.Version).ToList();

        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("id", Atom, Id(utility, "/api/fee-list/feed.atom"));
            xml.WriteElementString("title", Atom, $"{utility.Publisher} 延伸服务收费目录清单 Extended-services fee list");
            xml.WriteElementString("updated", Atom, Time(entries.Count == 0 ? DateTimeOffset.UnixEpoch : entries[0].Updated));
            Link(xml, "self", ContentType.Split(';')[0], $"{baseUrl}/api/fee-list/feed.atom");
            Link(xml, "alternate", "text/html", $"{baseUrl}/fees");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, utility.Publisher);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, Id(utility, entry.Id));
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("updated", Atom, Time(entry.Updated));
                Link(xml, "alternate", "text/html", $"{baseUrl}/fees/{entry.Version}");
                Link(xml, "related", "application/json", $"{baseUrl}/api/fee-list/versions/{entry.Version}");
                xml.WriteElementString("summary", Atom, entry.Summary);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static Entry Published(VersionSummary v)
    {
        var from = UtilityTime.Format(v.EffectiveFrom);
        return new Entry($"/api/fee-list/versions/{v.Version}", v.PublishedAt,
            $"第 {v.Version} 版收费目录公布，自 {from} 起执行 Fee list version {v.Version} published, in effect from {from}",
            $"{v.ExtendedServiceCount} 项延伸服务，{v.BasicServiceCount} 项基础服务；SHA-256 {v.Digest}. {v.ExtendedServiceCount} extended and {v.BasicServiceCount} basic services.",
            v.Version);
    }

    private static Entry Withdrawn(VersionSummary v) =>
        new($"/api/fee-list/versions/{v.Version}/withdrawal", v.WithdrawnAt!.Value,
            $"第 {v.Version} 版收费目录撤回，不再执行 Fee list version {v.Version} withdrawn before taking effect",
            $"撤回原因 Reason: {v.WithdrawalReason}", v.Version);

    /// <summary>A name-based UUID (RFC 9562 version 8: the first 128 bits of a SHA-256) of the publisher and the entry's path.</summary>
    internal static string Id(UtilityOptions utility, string path)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{utility.Publisher}\n{path}"), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // the RFC 9562 variant
        return $"urn:uuid:{new Guid(hash[..16], bigEndian: true)}";
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset t) => UtilityTime.Format(UtilityClock.Local(t));
}
