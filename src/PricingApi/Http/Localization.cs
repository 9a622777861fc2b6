using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace PricingApi.Http;

/// <summary>
/// Problems speak Chinese by default and English with <c>Accept-Language: en</c>. The request's culture comes from
/// ASP.NET Core request localization (Accept-Language only: zh-CN by default, en supported). FluentValidation's own
/// messages follow that culture through its language manager. The service's own texts are written in English in code
/// and translated on the way out, in one place: every problem passes <see cref="Localize"/>, which looks its title,
/// detail and each message under <c>errors</c> up in <c>ProblemTexts.zh.resx</c>, whose keys are the English texts
/// with {0}-style placeholders for the values they carry. Field names under <c>errors</c> stay as sent. A text without
/// a translation stays English. To translate a new message, add its English template and the Chinese to the resx.
/// </summary>
public static class Localization
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddProblemLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = o.SupportedUICultures = [Chinese, English];
            o.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
            // zh-TW, zh-Hans… are Chinese too; en-GB, en-US English.
            o.FallBackToParentCultures = o.FallBackToParentUICultures = true;
        });
        return services;
    }

    /// <summary>ProblemDetailsOptions.CustomizeProblemDetails: translates what the request's culture asks for.</summary>
    /// <remarks>
    /// The culture is the one request localization chose for this request (its feature), not the thread's: the
    /// exception handler and the status-code pages run outside request localization (so the public fee list's fast
    /// path, which speaks no language, does not pay for it), and by the time they write, the thread's culture has been
    /// restored. A request that failed before localization ran gets the default, Chinese.
    /// </remarks>
    public static void Localize(ProblemDetailsContext context)
    {
        var culture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? Chinese;
        var localizer = context.HttpContext.RequestServices.GetService<IStringLocalizer<ProblemTexts>>();
        if (localizer is null || culture.TwoLetterISOLanguageName != "zh")
        {
            return;
        }

        var templates = Templates.GetOrAdd(culture.Name, _ => Compile(localizer, culture));
        var values = context.HttpContext.Items[ValuesKey] as IReadOnlyDictionary<string, string>;
        var problem = context.ProblemDetails;
        var started = Stopwatch.GetTimestamp();
        problem.Title = Translate(problem.Title, templates, values, started);
        problem.Detail = Translate(problem.Detail, templates, values, started);
        if (problem is HttpValidationProblemDetails validation)
        {
            foreach (var (field, messages) in validation.Errors.ToList())
            {
                validation.Errors[field] = messages.Select(m => Translate(m, templates, values, started)!).ToArray();
            }
        }
    }

    /// <summary>
    /// The English of <paramref name="text"/>, for a problem; its values that have a Chinese form of their own (an
    /// area's description, a list written with Chinese punctuation) are remembered for this request, so the Chinese
    /// template is filled with them instead of the English values.
    /// </summary>
    public static string ForProblem(HttpContext http, ProblemText text)
    {
        if (text.ChineseValues.Count > 0)
        {
            if (http.Items[ValuesKey] is not Dictionary<string, string> values)
            {
                http.Items[ValuesKey] = values = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            foreach (var (english, chinese) in text.ChineseValues)
            {
                values[english] = chinese;
            }
        }

        return text.En;
    }

    private static readonly object ValuesKey = new();

    private static readonly ConcurrentDictionary<string, IReadOnlyList<Template>> Templates = new();

    /// <summary>One English template as a pattern, its fixed parts in order, and its Chinese.</summary>
    private sealed record Template(Regex English, string[] Fixed, string Chinese)
    {
        /// <summary>"There is no quote numbered '{0}'." split once at its placeholders, for the pattern and for the quick test.</summary>
        public static Template Of(string english, string chinese)
        {
            var parts = Placeholder.Split(english);
            return new Template(new Regex(Pattern(parts), RegexOptions.CultureInvariant, SearchLimit), parts.Where(p => p.Length > 0).ToArray(), chinese);
        }
    }

    /// <summary>
    /// How long one template may search one text. A problem often repeats what the client sent (a quote number, a query
    /// value), so the text is the client's to make long; past this, the text stays as it is (English) rather than
    /// failing the answer.
    /// </summary>
    private static readonly TimeSpan SearchLimit = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long translating one problem (title, detail and every message) may take in all. Real problems take
    /// microseconds; the limit is wall time, so it is generous enough that a busy machine pausing the thread does
    /// not leave a real message half English.
    /// </summary>
    private static readonly TimeSpan ProblemLimit = TimeSpan.FromMilliseconds(500);

    private static string? Translate(string? text, IReadOnlyList<Template> templates, IReadOnlyDictionary<string, string>? values, long started)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Each template replaces the English sentences it matches, so a detail that joins several refusals is translated
        // sentence by sentence; the longest templates go first so a short one cannot take part of a longer sentence.
        foreach (var template in templates)
        {
            if (Stopwatch.GetElapsedTime(started) > ProblemLimit)
            {
                break; // a text built to be slow: what is not translated yet stays English
            }

            // Most templates cannot match at all; finding that by ordinal search of their fixed parts is linear and
            // cheap, where the pattern's search for a value is not (it tries every place a value could start).
            if (!ContainsInOrder(text, template.Fixed))
            {
                continue;
            }

            try
            {
                text = template.English.Replace(text, m => string.Format(CultureInfo.InvariantCulture, template.Chinese,
                    m.Groups.Cast<Group>().Skip(1).Select(g => (object)(values?.GetValueOrDefault(g.Value) ?? g.Value)).ToArray()));
            }
            catch (RegexMatchTimeoutException)
            {
                // A text built to make the search slow: this template's sentences stay English.
            }
        }

        return text;
    }

    private static bool ContainsInOrder(string text, string[] parts)
    {
        var from = 0;
        foreach (var part in parts)
        {
            var at = text.IndexOf(part, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            from = at + part.Length;
        }

        return true;
    }

    /// <summary>The templates of <paramref name="culture"/>; the resource lookup reads the thread's UI culture, so it is set for the lookup.</summary>
    private static List<Template> Compile(IStringLocalizer localizer, CultureInfo culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return localizer.GetAllStrings(includeParentCultures: true)
                .Where(s => !s.ResourceNotFound)
                .OrderByDescending(s => s.Name.Length)
                .Select(s => Template.Of(s.Name, s.Value))
                .ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>The parts of "There is no quote numbered '{0}'." → a pattern that captures the number.</summary>
    private static string Pattern(string[] parts)
    {
        // A full stop ends a sentence only before a space or the end: "0.06, 0.09." holds one sentence, not three.
        // A value never spans a sentence end, so in a detail that joins several refusals one template cannot reach
        // from the start of one sentence into the next.
        const string value = @"((?:(?!\.\s).)+?)";
        var pattern = string.Join(value, parts.Select(p => Regex.Escape(p) + (p.EndsWith('.') ? @"(?=\s|$)" : "")));
        pattern = parts[^1].Length == 0 ? pattern[..^value.Length] + "(.+)" : pattern;
        // A template that opens with a value ("{0} is excluded from…") starts a sentence: tried only there, not at every
        // character, since a value that cannot cross a sentence end then makes the whole search one pass over the text.
        // A sentence already translated ends in 。 rather than ". ".
        return parts[0].Length == 0 ? @"(?<=^|\.\s|。\s?)" + pattern : pattern;
    }

    private static readonly Regex Placeholder = new(@"\{\d+\}", RegexOptions.CultureInvariant);
}

/// <summary>
/// A refusal in English (its template is a key of <c>ProblemTexts.zh.resx</c>) with the Chinese form of those of its
/// values that have one; send it through <see cref="Localization.ForProblem"/>.
/// </summary>
public sealed record ProblemText(string En, IReadOnlyDictionary<string, string> ChineseValues)
{
    public ProblemText(string en) : this(en, new Dictionary<string, string>()) { }

    public override string ToString() => En;
}

/// <summary>The resource class of <c>ProblemTexts.zh.resx</c>: English texts (keys) and their Chinese.</summary>
public sealed class ProblemTexts;
