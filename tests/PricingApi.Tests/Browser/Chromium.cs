namespace PricingApi.Tests.Browser;

/// <summary>
/// Debian's Chromium, which the browser tests drive through Playwright; Playwright's own browser download is never
/// used. CHROMIUM_PATH overrides /usr/bin/chromium. When Chromium is missing the tests are skipped on a developer's
/// machine, but fail under CI (CI=true), so a CI run can never pass without having run them.
/// </summary>
public static class Chromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Missing =>
        $"Chromium was not found at {ExecutablePath}. Install it with `bash .ci/install-chromium.sh` (apt-get install chromium), or set CHROMIUM_PATH.";

    /// <summary>Headless and quiet: no GPU, no sandbox (CI runs as root), nothing fetched from the network.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];
}

/// <summary>A browser test: skipped when Chromium is missing, unless CI requires it (then it runs and fails, saying why).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.Required)
        {
            Skip = Chromium.Missing + " Under CI=true this is a failure, not a skip.";
        }
    }
}
