namespace PricingApi.Providers;

/// <summary>The provider of an extended service as published (经营者), and as a quote names it.</summary>
public sealed record ProviderEntry(string Id, string Name, string NameEn)
{
    public static ProviderEntry From(ProviderOptions provider) => new(provider.Id, provider.Name, provider.NameEn);
}
