using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PricingApi.FeePage;

/// <summary>HTML this code wrote itself, so it is written as it is; text from data is never a <see cref="Markup"/>.</summary>
public readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new("");
}

/// <summary>
/// Writes HTML from interpolated strings in which every hole is encoded: <c>html.Append($"&lt;td&gt;{name}&lt;/td&gt;")</c>
/// encodes <c>name</c>. Only <see cref="Markup"/> (fragments built the same way) goes in as it is, and numbers and
/// money must be formatted to strings first, so no value can reach the page unencoded or in the server's culture.
/// Chinese is written as itself rather than as character references. Every HTML page of the service is written
/// with it (the fee pages, the printed quote, the receipt); docs/fee-page.md says why rather than Razor components.
/// </summary>
public sealed class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly StringBuilder _text = new();

    public Html Append([InterpolatedStringHandlerArgument("")] ref Handler html) => this;

    /// <summary>A fragment built apart, to be placed into a larger one.</summary>
    public static Markup Fragment(Action<Html> build)
    {
        var html = new Html();
        build(html);
        return new Markup(html._text.ToString());
    }

    public Markup ToMarkup() => new(_text.ToString());

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    [InterpolatedStringHandler]
    public readonly ref struct Handler
    {
        private readonly StringBuilder _text;

        public Handler(int literalLength, int formattedCount, Html html)
        {
            _text = html._text;
            _text.EnsureCapacity(_text.Length + literalLength + formattedCount * 16);
        }

        public void AppendLiteral(string literal) => _text.Append(literal);

        public void AppendFormatted(string? text) => _text.Append(Encoder.Encode(text ?? ""));

        public void AppendFormatted(int number) => _text.Append(number.ToString(CultureInfo.InvariantCulture));

        public void AppendFormatted(Markup markup) => _text.Append(markup.Value);
    }
}
