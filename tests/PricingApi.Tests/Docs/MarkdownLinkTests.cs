namespace PricingApi.Tests.Docs;

/// <summary>
/// No markdown file of the repository links outside it or to a file or heading it does not have: the README and
/// docs/ are read on GitHub and in a clone, where nothing beside the repository exists.
/// </summary>
public sealed class MarkdownLinkTests
{
    [Fact]
    public void Every_link_in_the_repository_stays_inside_it_and_resolves()
    {
        var root = RepositoryRoot();
        Assert.Contains(Path.Combine(root, "README.md"), MarkdownLinks.Files(root));
        Assert.Contains(Path.Combine(root, "docs", "README.md"), MarkdownLinks.Files(root));

        var problems = MarkdownLinks.Problems(root);

        Assert.True(problems.Count == 0, "broken or outside links:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_checker_refuses_links_outside_the_root_missing_files_and_missing_headings()
    {
        var root = Directory.CreateTempSubdirectory("pricingapi-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "guide.md"), "# Guide\n\n## Keys and roles 密钥\n\ntext\n");
            File.WriteAllText(Path.Combine(root, "README.md"), """
                # Title

                [ok](docs/guide.md) [ok heading](docs/guide.md#keys-and-roles-密钥) [ok here](#title) [web](https://example.cn/x)
                [dir](docs/) [shared](../shared/DOMAIN.md) [absolute](/work/shared/API.md) [missing](docs/none.md)
                [bad heading](docs/guide.md#no-such-heading) [escape](docs/../../outside.md) [file](file:///etc/passwd)

                ```
                [inside a code block](nowhere.md) is not a link
                ```
                """);

            var problems = MarkdownLinks.Problems(root);

            Assert.Equal(
                [
                    "README.md: mentions '../shared/DOMAIN.md', which is outside the repository",
                    "README.md: mentions '/work/shared/API.md', which is outside the repository",
                    "README.md: (../shared/DOMAIN.md) leaves the repository",
                    "README.md: (/work/shared/API.md) is an absolute path: write it relative to this file",
                    "README.md: (docs/none.md) names a file that does not exist",
                    "README.md: (docs/guide.md#no-such-heading) names a heading '#no-such-heading' that guide.md does not have",
                    "README.md: (docs/../../outside.md) leaves the repository",
                    "README.md: (file:///etc/passwd) is not a web address nor a path inside the repository",
                ],
                problems);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PricingApi.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PricingApi.sln not found above the test binaries.");
    }
}
