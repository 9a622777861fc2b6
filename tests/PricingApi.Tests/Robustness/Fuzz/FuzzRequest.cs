using System.Text;

namespace PricingApi.Tests.Robustness.Fuzz;

/// <summary>One generated request, as a caller of a role would send it, printable for a failure report.</summary>
public sealed record FuzzRequest(string Role, string Method, string Url, byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString()
    {
        var text = new StringBuilder($"as {Role}: {Method} {Url}");
        foreach (var (name, value) in Headers)
        {
            text.Append($"\n  {name}: {Shorten(value)}");
        }

        if (Body is not null)
        {
            text.Append($"\n  Content-Type: {ContentType ?? "(none)"}\n  body ({Body.Length} bytes): {Shorten(Encoding.UTF8.GetString(Body))}");
        }

        return text.ToString();
    }

    public static string Shorten(string text) => text.Length <= 400 ? text : $"{text[..400]}… ({text.Length} characters)";
}
