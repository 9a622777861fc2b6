using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PricingApi.ApiKeys;
using PricingApi.Http;

namespace PricingApi.Tests.Contract;

/// <summary>
/// Requests through Prism, each with the status the script expects. Prism forwards every request and reports what
/// breaks the document in its sl-violations header: any finding on a response, a finding on a request the script
/// sends as valid, or another status is a failure; failures are collected so one run names them all. Requests the
/// document forbids on purpose go through <see cref="RefusedAsync"/>: Prism must find the request at fault, and the
/// service's answer must still keep to the document. Each answer met through Prism counts in <see cref="ContractCoverage"/>.
/// Every error the document promises as problem+json is, and every 400 names the fields at fault in <c>errors</c>. A 200 with an ETag on an
/// operation that declares 304 is asked again with If-None-Match.
/// </summary>
public sealed class ContractSession(JsonNode document, Uri proxy, Uri service, IReadOnlyDictionary<string, string?> keys,
    ContractCoverage coverage) : IDisposable
{
    public const string Anonymous = "anonymous";
    public const string UnknownKey = "unknown-key";

    private readonly HttpClient _proxy = new() { BaseAddress = proxy, Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _service = new() { BaseAddress = service, Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<(string Method, string Template, Regex Pattern)> _operations = Operations(document).ToList();

    public List<string> Failures { get; } = [];

    /// <summary>Requests sent through Prism so far.</summary>
    public int Sent { get; private set; }

    public JsonNode Document => document;

    /// <summary>The request-body example the document gives an operation (what Swagger UI's "Try it out" sends).</summary>
    public JsonNode Example(string method, string template) =>
        document["paths"]![template]![method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();

    /// <summary>Sends through Prism and checks the answer; returns it (body buffered) or null when it failed.</summary>
    public async Task<HttpResponseMessage?> ExpectAsync(string role, HttpMethod method, string path, int status, object? body = null,
        Action<HttpRequestHeaders>? headers = null, HttpContent? content = null)
    {
        var response = await SendAsync(role, method, path, status, body, headers, content, requestBreaksDocument: false);
        if (response is not null && status == 200 && response.Headers.ETag is { } etag && Declares(OperationOf(method, path), 304))
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

    /// <summary>
    /// A request the document forbids (a field wrong, a media type not declared): Prism must say the request breaks the
    /// document, and the service's answer, <paramref name="status"/>, must not.
    /// </summary>
    public async Task RefusedAsync(string role, HttpMethod method, string path, int status, object? body = null, HttpContent? content = null,
        Action<HttpRequestHeaders>? headers = null)
    {
        using var response = await SendAsync(role, method, path, status, body, headers, content, requestBreaksDocument: true);
    }

    private async Task<HttpResponseMessage?> SendAsync(string role, HttpMethod method, string path, int status, object? body,
        Action<HttpRequestHeaders>? headers, HttpContent? content, bool requestBreaksDocument)
    {
        var operation = OperationOf(method, path);
        using var request = Request(role, method, path, body, headers, content);
        var response = await _proxy.SendAsync(request);
        Sent++;
        await response.Content.LoadIntoBufferAsync();
        var text = await response.Content.ReadAsStringAsync();
        var label = $"{method} {path} as {role}";
        var code = (int)response.StatusCode;
        if (!response.Headers.Contains("X-Request-Id"))
        {
            Failures.Add($"{label}: expected {status}, but Prism answered {code} itself, without the service's answer: {Shorten(text)}");
            return null;
        }

        var violations = Violations(response);
        var inRequest = violations.Where(v => v.StartsWith("request", StringComparison.Ordinal)).ToList();
        var elsewhere = violations.Except(inRequest).ToList();
        if (elsewhere.Count > 0)
        {
            Failures.Add($"{label}: the answer ({code}) breaks the document: {string.Join("; ", elsewhere)}");
            return null;
        }

        if (requestBreaksDocument != inRequest.Count > 0)
        {
            Failures.Add(requestBreaksDocument
                ? $"{label}: Prism found nothing wrong with a request the script thinks the document forbids ({code})"
                : $"{label}: Prism says the request breaks the document: {string.Join("; ", inRequest)}");
            return null;
        }

        coverage.Met(operation, code);
        if (code != status)
        {
            Failures.Add($"{label}: expected {status}, got {code}: {Shorten(text)}");
            return null;
        }

        if (code >= 400 && DeclaresProblem(operation, code) && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            Failures.Add($"{label}: a {code} that is not problem+json");
            return null;
        }

        if (code == 400 && JsonNode.Parse(text)?["errors"] is not JsonObject { Count: > 0 })
        {
            Failures.Add($"{label}: a 400 that names no field in errors: {Shorten(text)}");
            return null;
        }

        return response;
    }

    /// <summary>Prism's findings from its sl-violations header, each as "location: message" (location "request…" or "response…").</summary>
    private static List<string> Violations(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("sl-violations", out var values))
        {
            return [];
        }

        var header = string.Concat(values);
        try
        {
            return JsonNode.Parse(header)!.AsArray()
                .Select(v => $"{string.Join('.', v!["location"]!.AsArray().Select(l => l!.ToString()))}: {v["message"]}")
                .ToList();
        }
        catch (JsonException)
        {
            // "Too many violations! …", cut to fit a header: not a request's fault alone.
            return [$"(unparsed) {Shorten(header)}"];
        }
    }

    /// <summary>
    /// For a binary request body, which Prism would re-encode as text on its way through (so the service could not read
    /// it): sent to the service directly, checking only that the status is the expected one and declared. Not counted
    /// as met in <see cref="ContractCoverage"/>, which lists this case among the ones Prism cannot see.
    /// </summary>
    public async Task DirectAsync(string role, HttpMethod method, string path, int status, HttpContent content)
    {
        var operation = OperationOf(method, path);
        using var response = await _service.SendAsync(Request(role, method, path, null, null, content));
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
        from operation in Concrete()
        where operation.Declared["security"] is JsonArray { Count: > 0 }
        select (operation.Method, operation.Path, operation.Example,
            operation.MediaType is { } type && type != "application/json"
                ? () => new ByteArrayContent("PK"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue(type) } }
                : (Func<HttpContent>?)null);

    /// <summary>Every operation that takes a body, with its template, path parameters from the examples, example body and media type.</summary>
    public IEnumerable<(HttpMethod Method, string Template, string Path, JsonNode? Example, string MediaType)> BodyOperations() =>
        from operation in Concrete()
        where operation.MediaType is not null
        select (operation.Method, operation.Template, operation.Path, operation.Example, operation.MediaType!);

    private IEnumerable<(HttpMethod Method, string Template, string Path, JsonNode Declared, JsonNode? Example, string? MediaType)> Concrete() =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        let parameters = operation.Value!["parameters"]?.AsArray() ?? []
        let concrete = parameters.Where(p => p!["in"]!.GetValue<string>() == "path")
            .Aggregate(path.Key, (text, p) => text.Replace("{" + p!["name"]!.GetValue<string>() + "}", p["example"]!.ToString()))
        let content = operation.Value!["requestBody"]?["content"]?.AsObject()
        select (new HttpMethod(operation.Key.ToUpperInvariant()), path.Key, concrete, operation.Value!,
            content?["application/json"]?["example"]?.DeepClone(),
            content is null ? null : content.ContainsKey("application/json") ? "application/json" : content.First().Key);

    /// <summary>Whether the document promises problem+json for this answer (every error but /readyz's 503, a health report).</summary>
    private bool DeclaresProblem(string operation, int status)
    {
        var (method, template) = (operation[..operation.IndexOf(' ')], operation[(operation.IndexOf(' ') + 1)..]);
        return document["paths"]?[template]?[method.ToLowerInvariant()]?["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]
            is JsonObject content && content.ContainsKey("application/problem+json");
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
