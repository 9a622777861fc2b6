using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Robustness;

/// <summary>Values the framework cannot bind still get a 400 that names them.</summary>
/// <remarks>The requests are refused: one service for the class.</remarks>
public class BindingErrorTests(SharedPricingApi shared) : IClassFixture<SharedPricingApi>
{
    [Fact]
    public async Task AnUnparseableQueryNumberNamesTheParameter()
    {
        var app = shared.App;
        var regulator = app.CreateClient(Roles.Regulator);

        var errors = await (await regulator.GetAsync("/api/regulator/compliance?version=abc")).ValidationErrorsAsync("version");
        Assert.Contains("whole number", errors[0]);
        Assert.Contains("abc", errors[0]);
    }

    [Fact]
    public async Task AMissingBodyNamesTheBody()
    {
        var app = shared.App;
        var admin = app.CreateClient(Roles.PricingAdmin);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/services")
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "application/json"),
        };

        var errors = await (await admin.SendAsync(request)).ValidationErrorsAsync("body");
        Assert.Contains("body is required", errors[0]);
    }
}
