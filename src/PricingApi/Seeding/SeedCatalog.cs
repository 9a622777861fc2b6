using PricingApi.Catalog;

namespace PricingApi.Seeding;

/// <summary>The shape of <c>seed/catalog.json</c>: the same fields the admin API takes, grouped by kind.</summary>
public sealed class SeedCatalog
{
    /// <summary>Illustrative data (the shipped seed): the version published from it is marked sample: true.</summary>
    public bool Sample { get; set; }

    public List<ServiceRequest> BasicServices { get; set; } = [];
    public List<ServiceRequest> ExtendedServices { get; set; } = [];
}

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Seed an empty database on start. Off for a database that should start empty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The seed file; by default the city profile's catalog in <c>seed/</c> shipped beside the binary (catalog.json for Kunming).</summary>
    public string Path { get; set; } = Shipped("catalog.json");

    /// <summary>A file of the <c>seed/</c> folder shipped beside the binary.</summary>
    public static string Shipped(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "seed", file);
}
