using System.Collections;

namespace PricingApi.Operations;

/// <summary>
/// The properties every log line of a request carries. A list of pairs, so the JSON console formatter writes them as
/// named properties; <see cref="ToString"/> is what text formatters print.
/// </summary>
public sealed class RequestLogScope(string requestId, string method, string path) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("RequestId", requestId),
        1 => new("RequestMethod", method),
        2 => new("RequestPath", path),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"RequestId:{requestId} {method} {path}";
}
