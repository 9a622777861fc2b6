using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PricingApi.Tests.Pricing;

/// <summary>
/// Money is decimal end to end: binary floating point cannot hold 0.1 exactly, and one double on a money path
/// turns 954.00 into 953.9999999. The service's source is parsed (comments and strings do not count) and every
/// use of double or float, written or implied by a literal such as 1.1 without its m, must be on the allow-list.
/// </summary>
public class NoFloatingPointTests
{
    /// <summary>The only floating-point the service may hold, none of it money: file, and text its line contains.</summary>
    private static readonly (string File, string Line, string Why)[] Allowed =
    [
        ("FeeList/FeeListOptions.cs", "public double RefreshSeconds",
            "How long the list of versions is cached, in seconds, compared with TimeSpan.TotalSeconds (itself a double); a duration, not an amount."),
        ("Caching/ByteBudgetCache.cs", "CompactionPercentage = 0.01",
            "MemoryCache's compaction share, a fraction of entries; never money"),
        ("Caching/ByteBudgetCache.cs", "_cache.Compact((1.0 + 1e-9) / before)",
            "MemoryCache.Compact takes the share of entries to evict as a double; never money"),
        ("FeeList/FeeListWorkbookColumns.cs", "double Width",
            "an Excel column width in character units: ClosedXML's API takes a double; never money"),
    ];

    [Fact]
    public void NoSourceFileOfTheServiceUsesDoubleOrFloatOutsideTheAllowList()
    {
        var root = SourceRoot();
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            var text = File.ReadAllText(path);
            var lines = text.Split('\n');
            foreach (var token in CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens())
            {
                if (!IsFloatingPoint(token))
                {
                    continue;
                }

                var number = token.GetLocation().GetLineSpan().StartLinePosition.Line;
                var line = lines[number].Trim();
                if (!Allowed.Any(a => a.File == file && line.Contains(a.Line, StringComparison.Ordinal)))
                {
                    found.Add($"{file}:{number + 1}: {line}");
                }
            }
        }

        Assert.True(found.Count == 0, "double or float outside the allow-list (use decimal for money; add a non-money use to the allow-list with its reason):\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheScanSeesKeywordsLiteralsAndTypeNamesButNotCommentsOrStrings()
    {
        const string code = """
            // a double in a comment, and 1.5 too
            class C
            {
                string s = "double 0.5";
                decimal d = 1.5m;
                double a;
                float b;
                var c = 1.5;
                var e = 2f;
                System.Double f;
                System.Single h;
                var i = list.Single();
                var g = Convert.ToDouble(d);
            }
            """;
        var hits = CSharpSyntaxTree.ParseText(code).GetRoot().DescendantTokens().Where(IsFloatingPoint).Select(t => t.Text).ToList();
        Assert.Equal(["double", "float", "1.5", "2f", "Double", "Single", "ToDouble"], hits);
    }

    private static bool IsFloatingPoint(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.DoubleKeyword or SyntaxKind.FloatKeyword => true,
        SyntaxKind.NumericLiteralToken => token.Value is double or float,
        // System.Double, System.Single (but not LINQ's .Single()), Convert.ToDouble/ToSingle.
        SyntaxKind.IdentifierToken => token.Text is "Double" or "ToDouble" or "ToSingle"
            || (token.Text == "Single" && !token.GetNextToken().IsKind(SyntaxKind.OpenParenToken)),
        _ => false,
    };

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "PricingApi");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("src/PricingApi was not found above the test's output directory.");
    }
}
