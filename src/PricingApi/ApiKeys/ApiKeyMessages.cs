namespace PricingApi.ApiKeys;

/// <summary>The refusals of key checks, Chinese first and English beside it, ready for the localization resources.</summary>
public static class ApiKeyMessages
{
    public static readonly (string Zh, string En) TooManyFailures =
        ("此地址的 API 密钥校验失败次数过多。", "Too many failed key checks from this address.");
}
