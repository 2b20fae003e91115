using System.CommandLine;

namespace RecallHub.Host.CommandLine;

/// <summary>
/// <c>--pharmacy FINESS</c>: whose data a command reads or writes. Required in a multi-pharmacy hub (PostgreSQL,
/// <c>Hub:Pharmacies</c>); in a single-pharmacy hub it may only repeat <c>Hub:Pharmacy</c>.
/// </summary>
internal static class PharmacyOption
{
    public static Option<string?> Create(string purpose) => new("--pharmacy")
    {
        Description = $"The pharmacy's FINESS number: {purpose}. Required when the hub serves several pharmacies.",
        HelpName = "FINESS",
    };
}
