using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;
using RecallHub.Abstractions.Patients;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.ImplantRegister.Tests.Support;

/// <summary>Test data that is valid unless a test says otherwise.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    /// <summary>An intra-uterine device's UDI-DI (a GTIN-14 with a valid check digit).</summary>
    public const string IudDi = "07612345678900";

    /// <summary>A blood-derived device's UDI-DI.</summary>
    public const string SealantDi = "04012345678901";

    public const string Ins = "184127645108946";

    public const string OtherIns = "285037511223359";

    public static readonly byte[] Key = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

    public static string KeyBase64 => Convert.ToBase64String(Key);

    private static int s_events;

    public static FakeTimeProvider Clock() => new(Today);

    public static string Code(string di = IudDi, string lot = "LOT42", string serial = "SN001") => $"]d201{di}17280229" + $"10{lot}\u001d21{serial}";

    public static PatientIdentity Patient(string ins = Ins) => new(ins, ins == Ins ? "Dupont" : "Lefèvre", ins == Ins ? "Marie Claire" : "Jeanne", new DateOnly(1984, 12, 3));

    public static HubEvent Handover(string di = IudDi, string lot = "LOT42", string serial = "SN001", PatientIdentity? patient = null, DateTimeOffset? at = null, byte[]? key = null)
    {
        string code = Code(di, lot, serial);
        return new HubEvent
        {
            Id = $"evt-{Interlocked.Increment(ref s_events):D6}",
            Type = HubEventType.PackHandedOver,
            OccurredAt = at ?? Today,
            Handover = new PackHandover
            {
                Event = HandoverEvent.Implantation,
                At = at ?? Today,
                ScanId = s_events,
                RawCode = code,
                Gtin = di,
                UdiDi = di,
                Lot = lot,
                Serial = serial,
                Expiry = new DateOnly(2028, 2, 29),
                Operator = "IBODE Durand",
                Prescriber = "Dr Jean Martin (RPPS 10003456789)",
                Place = "Bloc 2, Clinique du Parc",
                SealedPatient = new PatientIdentitySeal(key ?? Key).Seal(patient ?? Patient(), code),
            },
        };
    }

    public static HubEvent Recall(long recallId, LotSelector selector, string di = IudDi, HubEventType type = HubEventType.RecallReceived) => new()
    {
        Id = $"evt-{Interlocked.Increment(ref s_events):D6}",
        Type = type,
        OccurredAt = Today,
        RecallId = recallId,
        Notice = new RecallNotice
        {
            Source = "ansm",
            SourceId = $"dm-{recallId}",
            Kind = NoticeKind.DeviceFieldSafetyNotice,
            Title = "DIU Cuivre 380 : rappel de lots",
            AlertNumber = $"R26{recallId:D5}",
            PublishedAt = Today,
            RecallLevels = RecallLevels.Pharmacies | RecallLevels.Patients,
            Products = [new RecalledProduct(CodeScheme.UdiDi, di, "DIU Cuivre 380", selector)],
        },
    };

    public static LotSelector Lots(params string[] lots) => new() { Lots = [.. lots.Select(l => new LotEntry(l))] };
}
