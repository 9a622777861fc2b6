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

    /// <remarks>
    /// Optional numbers are the case the compiled binding refuses with a bare 400 (see UnparsedQueryValues): each
    /// route's error still names the value as the client wrote it and says what was sent.
    /// </remarks>
    [Theory]
    [InlineData(Roles.Staff, "/api/quotes?page=abc", "page", "abc")]
    [InlineData(Roles.Staff, "/api/quotes?page=2&pageSize=1.5", "pageSize", "1.5")]
    [InlineData(Roles.Regulator, "/api/regulator/audit?pageSize=ten", "pageSize", "ten")]
    [InlineData(Roles.Regulator, "/api/regulator/charges?page=-", "page", "-")]
    [InlineData(Roles.Regulator, "/api/regulator/fee-list/versions?sinceVersion=v2", "sinceVersion", "v2")]
    [InlineData(null, "/api/fee-list/versions?sinceVersion=99999999999", "sinceVersion", "99999999999")]
    public async Task AnUnparseableOptionalNumberNamesTheParameterAsWritten(string? role, string url, string field, string value)
    {
        var app = shared.App;
        var client = role is null ? app.CreateAnonymousClient() : app.CreateClient(role);

        var errors = await (await client.GetAsync(url)).ValidationErrorsAsync(field);
        Assert.Equal($"'{field}' must be a whole number; '{value}' is not.", Assert.Single(errors));
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
