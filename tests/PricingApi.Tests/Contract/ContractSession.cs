using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PricingApi.ApiKeys;
using PricingApi.Http;
using Xunit.Abstractions;

namespace PricingApi.Tests.Contract;

/// <summary>
/// Requests through Prism, each with the status the script expects. A request Prism refuses (the document forbids it),
/// a response it finds breaking the document, or another status is a failure; failures are collected so one run names
/// them all. Requests the document forbids on purpose go through <see cref="RefusedAsync"/>: Prism must refuse them and
/// the service, asked directly, must answer a status the document declares. A 200 with an ETag on an operation that
/// declares 304 is asked again with If-None-Match.
/// </summary>
public sealed class ContractSession(JsonNode document, Uri proxy, Uri service, IReadOnlyDictionary<string, string?> keys, ITestOutputHelper output) : IDisposable
{
    public const string Anonymous = "anonymous";
    public const string UnknownKey = "unknown-key";

    private readonly HttpClient _proxy = new() { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _service = new() { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<(string Method, string Template, Regex Pattern)> _operations = Operations(document).ToList();
    private readonly HashSet<(string Operation, int Status)> _seen = [];

    public List<string> Failures { get; } = [];

    public JsonNode Document => document;

    /// <summary>The request-body example the document gives an operation (what Swagger UI's "Try it out" sends).</summary>
    public JsonNode Example(string method, string template) =>
        document["paths"]![template]![method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();

    /// <summary>Sends through Prism and checks the answer; returns it (body buffered) or null when it failed.</summary>
    public async Task<HttpResponseMessage?> ExpectAsync(string role, HttpMethod method, string path, int status, object? body = null,
        Action<HttpRequestHeaders>? headers = null, HttpContent? content = null)
    {
        var operation = OperationOf(method, path);
        using var request = Request(role, method, path, body, headers, content);
        var response = await _proxy.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        var text = await response.Content.ReadAsStringAsync();
        var label = $"{method} {path} as {role}";
        if (!response.Headers.Contains("X-Request-Id") || response.Headers.Contains("sl-violations"))
        {
            Failures.Add($"{label}: Prism answered {(int)response.StatusCode} itself (the request or the response breaks the document): {Shorten(text)}");
            return null;
        }

        _seen.Add((operation, (int)response.StatusCode));
        if ((int)response.StatusCode != status)
        {
            Failures.Add($"{label}: expected {status}, got {(int)response.StatusCode}: {Shorten(text)}");
            return null;
        }

        if (status == 200 && response.Headers.ETag is { } etag && Declares(operation, 304))
        {
            await ExpectAsync(role, method, path, 304, body, h => { headers?.Invoke(h); h.IfNoneMatch.Add(etag); }, null);
        }

        return response;
    }

    /// <summary>Repeats a request answered <paramref name="meanwhile"/> until it is answered <paramref name="status"/> (a limit reached), at most 20 times.</summary>
    public async Task ExpectEventuallyAsync(string role, HttpMethod method, string path, int meanwhile, int status, object? body = null, int attempts = 20)
    {
        for (var i = 0; i < attempts; i++)
        {
            var before = Failures.Count;
            if (await ExpectAsync(role, method, path, status, body) is not null)
            {
                return;
            }

            // Not yet: the answer must have been the one expected meanwhile, and valid.
            var failure = Failures[^1];
            Failures.RemoveAt(Failures.Count - 1);
            if (Failures.Count != before || !failure.Contains($"expected {status}, got {meanwhile}:", StringComparison.Ordinal))
            {
                Failures.Add(failure);
                return;
            }
        }

        Failures.Add($"{method} {path} as {role}: never answered {status} in {attempts} requests");
    }

    /// <summary>A request the document forbids: Prism refuses it, and the service, asked directly, answers <paramref name="status"/>, which the document declares.</summary>
    public async Task RefusedAsync(string role, HttpMethod method, string path, int status, object? body = null, HttpContent? content = null,
        Action<HttpRequestHeaders>? headers = null)
    {
        var operation = OperationOf(method, path);
        var label = $"{method} {path} as {role}";
        var copy = content is null ? null : await CopyAsync(content);
        using (var request = Request(role, method, path, body, headers, content))
        {
            using var viaProxy = await _proxy.SendAsync(request);
            if (viaProxy.Headers.Contains("X-Request-Id"))
            {
                Failures.Add($"{label}: Prism let through a request the script thinks the document forbids ({(int)viaProxy.StatusCode}): {Shorten(await viaProxy.Content.ReadAsStringAsync())}");
            }
        }

        using var direct = await _service.SendAsync(Request(role, method, path, body, headers, copy));
        _seen.Add((operation, (int)direct.StatusCode));
        var text = await direct.Content.ReadAsStringAsync();
        if ((int)direct.StatusCode != status || !Declares(operation, status))
        {
            Failures.Add($"{label} (directly): expected {status}, declared for {operation}, got {(int)direct.StatusCode}: {Shorten(text)}");
        }
        else if (direct.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            Failures.Add($"{label} (directly): a {status} that is not problem+json");
        }
    }

    /// <summary>
    /// For a binary request body, which Prism would re-encode as text on its way through (so the service could not read
    /// it): sent to the service directly, checking only that the status is the expected one and declared.
    /// </summary>
    public async Task DirectAsync(string role, HttpMethod method, string path, int status, HttpContent content)
    {
        var operation = OperationOf(method, path);
        using var response = await _service.SendAsync(Request(role, method, path, null, null, content));
        _seen.Add((operation, (int)response.StatusCode));
        if ((int)response.StatusCode != status || !Declares(operation, status))
        {
            Failures.Add($"{method} {path} as {role} (directly): expected {status}, declared for {operation}, got {(int)response.StatusCode}: {Shorten(await response.Content.ReadAsStringAsync())}");
        }
    }

    /// <summary>
    /// Every operation that needs a key, as a request Prism accepts: path parameters from the document's examples, the
    /// document's example body where there is one (a workbook's bytes for the import).
    /// </summary>
    public IEnumerable<(HttpMethod Method, string Path, JsonNode? Body, Func<HttpContent>? Content)> SecuredOperations() =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where operation.Value!["security"] is JsonArray { Count: > 0 }
        let parameters = operation.Value!["parameters"]?.AsArray() ?? []
        let concrete = parameters.Where(p => p!["in"]!.GetValue<string>() == "path")
            .Aggregate(path.Key, (text, p) => text.Replace("{" + p!["name"]!.GetValue<string>() + "}", p["example"]!.ToString()))
        let content = operation.Value!["requestBody"]?["content"]?.AsObject()
        select (new HttpMethod(operation.Key.ToUpperInvariant()), concrete,
            content?["application/json"]?["example"]?.DeepClone(),
            content is not null && !content.ContainsKey("application/json")
                ? () => new ByteArrayContent("PK"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue(content.First().Key) } }
                : (Func<HttpContent>?)null);

    /// <summary>Every operation in the document met at least once, and the statuses met, for the test's output.</summary>
    public void AssertEveryOperationTouched()
    {
        foreach (var group in _seen.GroupBy(s => s.Operation).OrderBy(g => g.Key))
        {
            var declared = document["paths"]![group.Key[(group.Key.IndexOf(' ') + 1)..]]![group.Key[..group.Key.IndexOf(' ')].ToLowerInvariant()]?["responses"]?.AsObject()
                .Select(r => r.Key).Except(group.Select(s => s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))) ?? [];
            output.WriteLine($"{group.Key}: met {string.Join(", ", group.Select(s => s.Status).Order())}; declared, not provoked: {string.Join(", ", declared)}");
        }

        var untouched = _operations.Select(o => $"{o.Method} {o.Template}").Except(_seen.Select(s => s.Operation)).ToList();
        Assert.True(untouched.Count == 0, "The session did not touch: " + string.Join(", ", untouched));
    }

    public bool Declares(string operation, int status)
    {
        var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
        return document["paths"]?[template]?[method.ToLowerInvariant()]?["responses"]?.AsObject().ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) == true;
    }

    private HttpRequestMessage Request(string role, HttpMethod method, string path, object? body, Action<HttpRequestHeaders>? headers, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.AcceptLanguage.ParseAdd("en");
        if (role != Anonymous)
        {
            request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, role == UnknownKey ? "pk.0123456789abcdef.notakeynotakeynotakeynotakey" : keys[role]);
        }

        headers?.Invoke(request.Headers);
        request.Content = content ?? body switch
        {
            null => null,
            JsonNode node => new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json"),
            _ => new StringContent(JsonSerializer.Serialize(body, PricingJson.Options), Encoding.UTF8, "application/json"),
        };
        return request;
    }

    private static async Task<HttpContent> CopyAsync(HttpContent content)
    {
        var copy = new ByteArrayContent(await content.ReadAsByteArrayAsync());
        foreach (var header in content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    /// <summary>"GET /api/fee-list/versions/{version}" for "/api/fee-list/versions/2?x=1": the template with the most fixed text wins.</summary>
    private string OperationOf(HttpMethod method, string path)
    {
        var bare = path.Split('?')[0];
        var match = _operations.Where(o => o.Method == method.Method && o.Pattern.IsMatch(bare))
            .OrderByDescending(o => Regex.Replace(o.Template, @"\{[^}]+\}", "").Length).FirstOrDefault();
        return match.Template is null ? $"{method.Method} {bare} (not in the document)" : $"{match.Method} {match.Template}";
    }

    private static IEnumerable<(string, string, Regex)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (operation.Key.ToUpperInvariant(), path.Key,
            new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{[^}]+}", "[^/]+") + "$"));

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    public void Dispose()
    {
        _proxy.Dispose();
        _service.Dispose();
    }
}
