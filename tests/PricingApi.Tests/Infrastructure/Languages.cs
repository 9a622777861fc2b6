namespace PricingApi.Tests.Infrastructure;

/// <summary>The factory's clients send Accept-Language: en; these make one ask for the default language (Chinese).</summary>
public static class Languages
{
    public static HttpClient WithoutAcceptLanguage(this HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        return client;
    }
}
