using System.Diagnostics;
using System.Text;

namespace PricingApi.Tests.Contract;

/// <summary>
/// Prism (a validating proxy) and Spectral (the OpenAPI linter), from npm, installed by
/// <c>.ci/install-contract-tools.sh</c> into <c>.ci/contract-tools/node_modules</c>; PRISM_PATH and SPECTRAL_PATH
/// override. As with Chromium, a missing tool skips the tests on a developer's machine but fails them under CI=true.
/// </summary>
public static class ContractTools
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Prism => Tool("PRISM_PATH", "prism");
    public static string Spectral => Tool("SPECTRAL_PATH", "spectral");

    /// <summary>The ruleset the CI lints with: spectral:oas, nothing turned off.</summary>
    public static string Ruleset => Path.Combine(RepositoryRoot, ".spectral.yaml");

    public static bool IsInstalled => File.Exists(Prism) && File.Exists(Spectral);

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"Prism or Spectral was not found ({Prism}, {Spectral}). Install them with `bash .ci/install-contract-tools.sh` (npm), or set PRISM_PATH and SPECTRAL_PATH.";

    private static string Tool(string variable, string name) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } path
            ? path
            : Path.Combine(RepositoryRoot, ".ci", "contract-tools", "node_modules", ".bin", name);

    /// <summary>The folder holding PricingApi.sln, above the test binaries.</summary>
    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PricingApi.sln")))
            {
                return folder.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    /// <summary>Runs a tool to its end (within <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(new CancellationTokenSource(timeout).Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(tool)} did not finish within {timeout.TotalSeconds} s:\n{output}");
        }

        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}

/// <summary>A contract test: skipped when Prism or Spectral is missing, unless CI requires them (then it runs and fails, saying why).</summary>
public sealed class ContractFactAttribute : FactAttribute
{
    public ContractFactAttribute()
    {
        if (!ContractTools.IsInstalled && !ContractTools.Required)
        {
            Skip = ContractTools.Missing + " Under CI=true this is a failure, not a skip.";
        }
    }
}
