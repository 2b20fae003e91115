namespace RecallHub.Nmvs.Simulation;

/// <summary>A pack of the seed.</summary>
/// <param name="Serial">Its serial number.</param>
/// <param name="State">Its state (<c>Active</c> by default).</param>
public sealed record SeedPack(string Serial, string State = "Active");
