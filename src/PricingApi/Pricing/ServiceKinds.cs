namespace PricingApi.Pricing;

/// <summary>The three kinds of paid extended service the pilot allows (维修保养、清洗、水质检测).</summary>
public enum ServiceCategory { Maintenance, Cleaning, WaterTesting }

/// <summary>Who bears the cost of a basic service; never the customer.</summary>
public enum PaidBy { Utility, Government, Developer }

/// <summary>The price form under Chinese pricing law: extended services are market-regulated within the cap.</summary>
public enum PricingForm { MarketRegulated, GovernmentGuided, GovernmentSet }

/// <summary>Basic services (基础服务) are free to the customer; extended services (延伸服务) are paid and optional.</summary>
public enum ServiceKind { Basic, Extended }
