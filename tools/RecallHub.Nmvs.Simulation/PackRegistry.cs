using System.Globalization;
using RecallHub.Sources.Nmvs.Client;

namespace RecallHub.Nmvs.Simulation;

/// <summary>
/// The simulator's packs and the state machine the national system enforces: an active pack is dispensed once; a
/// dispense is undone only by the location that made it and within 10 days; recalled batches, withdrawn products,
/// expired batches and inactive packs (stolen, destroyed…) answer with their codes; unknown products, serials and
/// batches raise alerts.
/// </summary>
public sealed class PackRegistry
{
    /// <summary>How long after a dispense it may be undone.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromDays(10);

    private readonly Dictionary<(string Product, string Serial), SimulatedPack> _packs = [];
    private readonly Dictionary<(string Product, string Batch), (DateOnly Expiry, bool Recalled)> _batches = [];
    private readonly HashSet<string> _withdrawn = new(StringComparer.Ordinal);
    private readonly HashSet<string> _products = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private int _alerts;

    /// <summary>Loads a seed.</summary>
    public PackRegistry(SimulatorSeed seed, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(seed);
        _time = time ?? TimeProvider.System;
        foreach (var product in seed.Products)
        {
            _products.Add(product.ProductCode);
            if (product.Withdrawn)
            {
                _withdrawn.Add(product.ProductCode);
            }

            foreach (var batch in product.Batches)
            {
                _batches[(product.ProductCode, batch.Batch)] = (batch.Expiry, batch.Recalled);
                foreach (var pack in batch.Packs)
                {
                    _packs[(product.ProductCode, pack.Serial)] = new SimulatedPack
                    {
                        ProductCode = product.ProductCode,
                        Batch = batch.Batch,
                        Expiry = batch.Expiry,
                        Serial = pack.Serial,
                        State = pack.State,
                    };
                }
            }
        }
    }

    /// <summary>How many requests were answered (tests use it to see whether the system was asked).</summary>
    public int Requests { get; private set; }

    /// <summary>A pack, for tests and inspection.</summary>
    public SimulatedPack? Find(string productCode, string serial)
    {
        lock (_lock)
        {
            return _packs.GetValueOrDefault((productCode, serial));
        }
    }

    /// <summary>Answers a request made by <paramref name="location"/>.</summary>
    internal NmvsResponse Handle(NmvsRequest request, string location)
    {
        lock (_lock)
        {
            Requests++;
            var operation = request.Operation;
            var results = request.Packs.Select(p => Handle(operation, p, location)).ToList();
            string overall = !NmvsSoapEnvelope.IsBulk(operation) ? results[0].ReturnCode
                : results.All(r => r.ReturnCode == "NMVS_OK") ? "NMVS_OK"
                : results.Any(r => r.ReturnCode == "NMVS_OK") ? "NMVS_NC_PCK_24"
                : "NMVS_NC_PCK_17";
            return new NmvsResponse(operation, request.Header.ClientTransactionId, Guid.NewGuid().ToString("N"), overall, results);
        }
    }

    private NmvsPackResult Handle(NmvsOperation operation, NmvsPack asked, string location)
    {
        var now = _time.GetUtcNow();
        if (!_products.Contains(asked.ProductCode))
        {
            return Alert(asked, "NMVS_NC_PC_01");
        }

        if (!_packs.TryGetValue((asked.ProductCode, asked.SerialNumber), out var pack))
        {
            return Alert(asked, "NMVS_NC_PC_02");
        }

        if (!_batches.TryGetValue((asked.ProductCode, asked.Batch), out var batch) || !string.Equals(pack.Batch, asked.Batch, StringComparison.Ordinal))
        {
            return Alert(asked, "NMVS_FE_LOT_03");
        }

        if (asked.Expiry is { } expiry && expiry != batch.Expiry)
        {
            return Alert(asked, "NMVS_FE_LOT_06");
        }

        var states = Result(asked, pack, location);
        if (_withdrawn.Contains(pack.ProductCode))
        {
            return states with { ReturnCode = "NMVS_FE_LOT_08", ProductState = "Withdrawn", AlertId = NextAlert() };
        }

        if (batch.Recalled)
        {
            return states with { ReturnCode = "NMVS_FE_LOT_01", BatchState = "Recalled", AlertId = NextAlert() };
        }

        bool undo = operation is NmvsOperation.UndoDispensePack or NmvsOperation.UndoDispensePacks;
        if (!undo && batch.Expiry < DateOnly.FromDateTime(now.UtcDateTime))
        {
            return states with { ReturnCode = "NMVS_NC_PCK_02", PackState = "Expired" };
        }

        switch (operation)
        {
            case NmvsOperation.VerifyPack or NmvsOperation.VerifyPacks:
                return states;

            case NmvsOperation.DispensePack or NmvsOperation.DispensePacks:
                if (pack.State == "Active")
                {
                    pack.State = "Supplied";
                    pack.ChangedAt = now;
                    pack.ChangedBy = location;
                    return Result(asked, pack, location);
                }

                return pack.State == "Locked"
                    ? states with { ReturnCode = "NMVS_NC_PCK_01" }
                    : states with { ReturnCode = "NMVS_NC_PCK_22", AlertId = NextAlert(), WarningText = "Pack already inactive." };

            default:
                if (pack.State != "Supplied")
                {
                    return states with { ReturnCode = pack.State == "Active" ? "NMVS_NC_PCK_04" : "NMVS_NC_PCK_06" };
                }

                if (!string.Equals(pack.ChangedBy, location, StringComparison.Ordinal))
                {
                    return states with { ReturnCode = "NMVS_NC_PCK_21" };
                }

                if (now - pack.ChangedAt > UndoWindow)
                {
                    return states with { ReturnCode = "NMVS_NC_PCK_05" };
                }

                pack.State = "Active";
                pack.ChangedAt = now;
                pack.ChangedBy = location;
                return Result(asked, pack, location);
        }
    }

    private static NmvsPackResult Result(NmvsPack asked, SimulatedPack pack, string location) => new(asked, "NMVS_OK")
    {
        PackState = pack.State,
        BatchState = "Active",
        ProductState = "Active",
        StateChangedAt = pack.State == "Active" ? null : pack.ChangedAt,
        SameLocation = pack.ChangedBy is null || pack.State == "Active" ? null : string.Equals(pack.ChangedBy, location, StringComparison.Ordinal),
    };

    private NmvsPackResult Alert(NmvsPack asked, string code) => new(asked, code) { AlertId = NextAlert(), WarningText = "Alert raised: potential falsification." };

    private string NextAlert() => string.Create(CultureInfo.InvariantCulture, $"SIM-{++_alerts:D6}");
}
