using PricingApi.FeeList;
using PricingApi.Utility;

namespace PricingApi.Quotes;

/// <summary>
/// Who performs and charges for the work (经营者), as a receipt names it. Today that is the publisher of the list the
/// charge was priced from; when each extended service names its own provider, this is the one place to change.
/// </summary>
public static class ChargeProvider
{
    public static (string Name, string NameEn) For(FeeListDocument version, UtilityOptions utility) => (version.Publisher, utility.PublisherEn);
}
