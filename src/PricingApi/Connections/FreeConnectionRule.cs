namespace PricingApi.Connections;

/// <summary>The two bounds of the free small-project connection.</summary>
public enum ConnectionBound { MeterDiameter, ExternalPipeLength }

/// <summary>A bound the connection goes beyond, and by how much (<see cref="Unit"/>: mm for a diameter, m for a length).</summary>
public sealed record ExceededBound(ConnectionBound Bound, decimal Limit, decimal Actual, string Unit)
{
    public decimal Excess => Actual - Limit;
}

public sealed record FreeConnectionOutcome(bool Free, IReadOnlyList<ExceededBound> Exceeded);

/// <summary>
/// 小型项目免费实施供水外线接入 (Kunming 三(五)): a new connection, an expansion or temporary construction water
/// is built at no cost to the customer when the meter is DN40 or smaller AND the external pipe (public main to
/// 1 m after the meter, meter included) is 200 m or shorter. Both bounds are inclusive: DN40 and exactly 200 m are free.
/// Outside either bound the guarantee does not apply and the connection is costed per project.
/// </summary>
public static class FreeConnectionRule
{
    public static FreeConnectionOutcome Assess(int meterDiameterMm, decimal externalPipeLengthM, FreeConnectionOptions limits)
    {
        var exceeded = new List<ExceededBound>();
        if (meterDiameterMm > limits.MaxMeterDiameterMm)
        {
            exceeded.Add(new(ConnectionBound.MeterDiameter, limits.MaxMeterDiameterMm, meterDiameterMm, "mm"));
        }

        if (externalPipeLengthM > limits.MaxExternalPipeLengthM)
        {
            exceeded.Add(new(ConnectionBound.ExternalPipeLength, limits.MaxExternalPipeLengthM, externalPipeLengthM, "m"));
        }

        return new(exceeded.Count == 0, exceeded);
    }
}
