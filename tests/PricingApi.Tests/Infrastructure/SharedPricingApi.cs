namespace PricingApi.Tests.Infrastructure;

/// <summary>
/// One service, started on a first start's database, for every test of a class that uses it as an
/// <c>IClassFixture</c>. Only for classes whose tests read, or are refused (and the test checks that nothing was
/// saved), so no test sees another's writes: a test that publishes, issues a quote or needs a counted, dated or
/// ordered history keeps its own <see cref="PricingApiFactory"/>. A start costs more CPU than most tests' requests,
/// and hundreds of them made up much of the suite's time.
/// </summary>
/// <remarks>
/// Tests of one class run one after another (xunit never runs a class's tests in parallel), so a shared service
/// sees one test at a time. Each test still creates its own clients (and keys) on it.
/// </remarks>
public sealed class SharedPricingApi : IAsyncLifetime
{
    public PricingApiFactory App { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await App.DisposeAsync();
}
