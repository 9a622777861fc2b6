using System.Text.RegularExpressions;

namespace PricingApi.Tests.Architecture;

/// <summary>
/// The feature folders of src/PricingApi depend on each other in one direction only: a folder that imports another
/// is never imported back, directly or round a longer loop, so each can be read (and changed) knowing only what it
/// imports. Generated code (migrations, compiled models) is left out: it names every entity by design.
/// </summary>
public partial class FolderDependencyTests
{
    [Fact]
    public void NoFolderImportsAFolderThatImportsItBack()
    {
        var graph = Imports(SourceRoot());
        var loop = FindLoop(graph);

        Assert.True(loop is null, $"folders import each other round a loop: {string.Join(" → ", loop ?? [])}");
    }

    [Fact]
    public void TheCheckFindsALoop()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"],
        };

        Assert.Equal(["A", "B", "C", "A"], FindLoop(graph));
        Assert.Null(FindLoop(new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = [] }));
    }

    private static Dictionary<string, HashSet<string>> Imports(string root)
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("bin/") || relative.StartsWith("obj/") || relative.StartsWith("Data/Migrations/")
                || relative.StartsWith("Data/CompiledModels/") || !relative.Contains('/'))
            {
                continue; // root files (Program, AppSetup) compose everything and are imported by no one
            }

            var folder = relative[..relative.IndexOf('/')];
            var imports = graph.TryGetValue(folder, out var set) ? set : graph[folder] = [];
            foreach (Match import in Using().Matches(File.ReadAllText(file)))
            {
                if (import.Groups[1].Value != folder)
                {
                    imports.Add(import.Groups[1].Value);
                }
            }
        }

        return graph;
    }

    /// <summary>The first loop found by a depth-first walk, as the folders round it (first = last), or null.</summary>
    private static List<string>? FindLoop(Dictionary<string, HashSet<string>> graph)
    {
        var done = new HashSet<string>();
        var path = new List<string>();

        List<string>? Visit(string folder)
        {
            if (path.IndexOf(folder) is var at and >= 0)
            {
                return [.. path[at..], folder];
            }

            if (!done.Add(folder))
            {
                return null;
            }

            path.Add(folder);
            foreach (var next in graph.GetValueOrDefault(folder, []).Order())
            {
                if (Visit(next) is { } loop)
                {
                    return loop;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order().Select(Visit).FirstOrDefault(loop => loop is not null);
    }

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PricingApi.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("PricingApi.sln not found above the test binaries."), "src", "PricingApi");
    }

    [GeneratedRegex(@"^using PricingApi\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Using();
}
