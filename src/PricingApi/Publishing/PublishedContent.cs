using System.Text.Json;
using System.Text.Json.Nodes;
using PricingApi.FeeList;
using PricingApi.Http;

namespace PricingApi.Publishing;

/// <summary>
/// What a version says, as opposed to when and by whom it was said: the document without its number, times,
/// publisher key, chain link and sample mark. Two versions with equal content publish nothing new ("nothing changed"), and a
/// proposal is approved only while the catalog still has the content it was proposed with.
/// </summary>
public static class PublishedContent
{
    // "sample" too: republishing the sample seed unedited is still nothing new, whatever it is marked.
    private static readonly string[] Circumstances = ["version", "effectiveFrom", "publishedAt", "publishedBy", "previousDigest", "sample"];

    // Through the bytes, so numbers compare as the stored text does (954.00, not 954).
    public static JsonObject Of(CostedFeeListDocument document) =>
        Strip(JsonNode.Parse(JsonSerializer.SerializeToUtf8Bytes(document, PricingJson.Options))!.AsObject());

    /// <summary>The content of a stored version's canonical JSON.</summary>
    public static JsonObject Of(string storedJson) => Strip(JsonNode.Parse(storedJson)!.AsObject());

    /// <summary>
    /// False when the stored version's counts of services (its row's columns) already show the content differs, so the
    /// stored document need not be read nor parsed: for a list of thousands of items that parse is tens of megabytes.
    /// </summary>
    public static bool CountsMatch(CostedFeeListDocument candidate, int storedBasicServices, int storedExtendedServices) =>
        candidate.BasicServices.Count == storedBasicServices && candidate.ExtendedServices.Count == storedExtendedServices;

    public static bool Same(CostedFeeListDocument candidate, string storedJson) =>
        JsonNode.DeepEquals(Of(candidate), Of(storedJson));

    /// <summary>SHA-256 (hex) of the content, to remember what a proposal was made from.</summary>
    public static string Digest(CostedFeeListDocument document) =>
        Sha256.Hex(System.Text.Encoding.UTF8.GetBytes(Of(document).ToJsonString(PricingJson.Options)));

    private static JsonObject Strip(JsonObject document)
    {
        foreach (var name in Circumstances)
        {
            document.Remove(name);
        }

        return document;
    }
}
