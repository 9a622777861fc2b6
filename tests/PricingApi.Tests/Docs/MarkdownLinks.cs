using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PricingApi.Tests.Docs;

/// <summary>
/// Checks the links of every markdown file under a root: each must stay inside it and name a file (and heading) that
/// exists. Parsed with Markdig, so code blocks and code spans are not mistaken for links and heading anchors are
/// derived the way GitHub derives them.
/// </summary>
public static partial class MarkdownLinks
{
    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules", ".git", "TestResults", "results"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .Build();

    /// <summary>
    /// Every markdown file of the repository: what git tracks or would add (so tools installed into ignored folders,
    /// with their own READMEs, are not the repository's); without git, every file under the root but build output and
    /// dependencies.
    /// </summary>
    public static IEnumerable<string> Files(string root) =>
        (GitFiles(root) ?? Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(SkippedDirectories.Contains)))
        .Order(StringComparer.Ordinal);

    private static IEnumerable<string>? GitFiles(string root)
    {
        if (!Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git")))
        {
            return null;
        }

        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.md"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = System.Diagnostics.Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode != 0 ? null
                : output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Select(f => Path.GetFullPath(Path.Combine(root, f)))
                    .Where(File.Exists) // deleted in the work tree, not yet in the index
                    .ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }

    /// <summary>One line per broken link: the file, the link and what is wrong with it.</summary>
    public static IReadOnlyList<string> Problems(string root)
    {
        root = Path.GetFullPath(root);
        var anchors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var file in Files(root))
        {
            var text = File.ReadAllText(file);
            var where = Path.GetRelativePath(root, file).Replace('\\', '/');
            // Outside paths written as text (in code, in prose) send readers where the repository cannot follow either.
            foreach (Match outside in OutsideText().Matches(text))
            {
                problems.Add($"{where}: mentions '{outside.Value}', which is outside the repository");
            }

            foreach (var link in MarkdownLinks.Links(text))
            {
                if (Check(root, file, link, anchors) is { } problem)
                {
                    problems.Add($"{where}: ({link}) {problem}");
                }
            }
        }

        return problems;
    }

    private static IEnumerable<string> Links(string text)
    {
        var document = Markdown.Parse(text, Pipeline);
        return document.Descendants<LinkInline>().Select(l => l.Url ?? "")
            .Concat(document.Descendants<AutolinkInline>().Where(a => !a.IsEmail).Select(a => a.Url));
    }

    private static string? Check(string root, string file, string url, Dictionary<string, HashSet<string>> anchors)
    {
        if (url.Length == 0)
        {
            return "is empty";
        }

        if (WebScheme().IsMatch(url))
        {
            return null;
        }

        if (Scheme().IsMatch(url))
        {
            return "is not a web address nor a path inside the repository";
        }

        if (url.StartsWith('/') || url.StartsWith('\\'))
        {
            return "is an absolute path: write it relative to this file";
        }

        var hash = url.IndexOf('#');
        var path = Uri.UnescapeDataString(hash < 0 ? url : url[..hash]);
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var target = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
        if (target != root && !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "leaves the repository";
        }

        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return "names a file that does not exist";
        }

        if (!string.IsNullOrEmpty(fragment) && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && File.Exists(target))
        {
            if (!anchors.TryGetValue(target, out var ids))
            {
                ids = Headings(File.ReadAllText(target));
                anchors[target] = ids;
            }

            if (!ids.Contains(fragment))
            {
                return $"names a heading '#{fragment}' that {Path.GetFileName(target)} does not have";
            }
        }

        return null;
    }

    /// <summary>The anchors GitHub gives the headings of a markdown text.</summary>
    public static HashSet<string> Headings(string text) =>
        Markdown.Parse(text, Pipeline).Descendants<HeadingBlock>()
            .Select(h => h.GetAttributes().Id).OfType<string>().ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^(https?|mailto):", RegexOptions.IgnoreCase)]
    private static partial Regex WebScheme();

    [GeneratedRegex(@"(?<![\w.~-])/work/[^\s)\]>`'""]*|\.\./shared\b[^\s)\]>`'""]*")]
    private static partial Regex OutsideText();
}
