namespace PricingApi.Tests.Infrastructure;

/// <summary>
/// Traits for the tests that take seconds each: the real service as a process, SIGKILL cycles, generated input,
/// a browser. CI runs everything; a developer runs the rest alone with
/// <c>dotnet test --filter "Category!=Slow"</c>. The second trait says which kind it is.
/// </summary>
public static class TestCategories
{
    public const string Category = "Category";
    public const string Slow = "Slow";

    public const string Kind = "Kind";
    public const string Process = "Process";
    public const string Crash = "Crash";
    public const string Fuzz = "Fuzz";
    public const string Browser = "Browser";
}
