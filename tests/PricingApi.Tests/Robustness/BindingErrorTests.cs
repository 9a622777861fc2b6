using PricingApi.ApiKeys;
using PricingApi.Tests.Infrastructure;

namespace PricingApi.Tests.Robustness;

/// <summary>Values the framework cannot bind still get a 400 that names them.</summary>
public class BindingErrorTests
{
    [Fact]
    public async Task AnUnparseableQueryNumberNamesTheParameter()
    {
        await using var app = new PricingApiFactory();
        var regulator = app.CreateClient(Roles.Regulator);

        var errors = await (await regulator.GetAsync("/api/regulator/compliance?version=abc")).ValidationErrorsAsync("version");
        Assert.Contains("whole number", errors[0]);
        Assert.Contains("abc", errors[0]);
    }

    [Fact]
    public async Task AMissingBodyNamesTheBody()
    {
        await using var app = new PricingApiFactory();
        var admin = app.CreateClient(Roles.PricingAdmin);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/services")
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "application/json"),
        };

        var errors = await (await admin.SendAsync(request)).ValidationErrorsAsync("body");
        Assert.Contains("body is required", errors[0]);
    }
}
