using Microsoft.Extensions.Primitives;

namespace PricingApi.Caching;

/// <summary>Optimistic concurrency over HTTP: an item's revision is its ETag, and If-Match must name the current one.</summary>
public static class Revisions
{
    public static string ETag(int revision) => $"\"{revision}\"";

    /// <summary>True when there is no If-Match (the client accepts last-writer-wins), or it names the current revision or '*'.</summary>
    public static bool Matches(StringValues ifMatch, int revision)
    {
        if (StringValues.IsNullOrEmpty(ifMatch))
        {
            return true;
        }

        var current = ETag(revision);
        return ifMatch.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim())
            .Any(t => t == "*" || t == current);
    }
}
