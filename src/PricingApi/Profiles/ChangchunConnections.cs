using PricingApi.Connections;

namespace PricingApi.Profiles;

/// <summary>The Changchun plan's numbers for the connection assessment (seed 000, 二 and 三).</summary>
public static class ChangchunConnections
{
    public static void Apply(ConnectionOptions options)
    {
        // 非居民小型项目: 申请接入供水管径 40mm 及以下, 外线接入长度不超过 200 米; with 零成本 (四(一)1) these are the bounds of a free connection.
        options.FreeConnection.MaxMeterDiameterMm = 40;
        options.FreeConnection.MaxExternalPipeLengthM = 200m;
    }
}
