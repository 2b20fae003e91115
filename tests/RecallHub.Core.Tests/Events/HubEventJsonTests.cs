using System.Text.Json;
using RecallHub.Abstractions.Plugins;
using RecallHub.Core.Events;
using RecallHub.Core.Storage;
using RecallHub.Core.Tests.Support;

namespace RecallHub.Core.Tests.Events;

public sealed class HubEventJsonTests
{
    [Fact]
    public void An_event_survives_the_outbox_with_its_notice_and_pack_and_gets_the_outbox_sequence()
    {
        var notice = Some.Notice(Some.Product(Some.Lots("A53014"))) with { AlertNumber = "MED26/A019/B018" };
        var original = new HubEvent
        {
            Id = "0193a1b2c3d4",
            Type = HubEventType.StockBlocked,
            OccurredAt = Some.Today,
            RecallId = 7,
            Notice = notice,
            Pack = new BlockedPack(12, Some.Gtin14, Some.Cip13, "A53014", "7GH29KXW41Q", new DateOnly(2028, 2, 29), Some.Today, "comptoir-1"),
            Message = "Ne pas délivrer",
        };

        string json = HubEventJson.Serialize(original);
        var read = HubEventJson.Read(Message(json, sequence: 42));

        Assert.Contains("\"type\":\"stock_blocked\"", json, StringComparison.Ordinal);
        Assert.Equal(42, read.Sequence);
        Assert.Equal(original.Pack, read.Pack);
        Assert.Equal(original.Id, read.Id);
        Assert.Equal(original.OccurredAt, read.OccurredAt);
        Assert.Equal(notice.Title, read.Notice!.Title);
        Assert.Equal("A53014", read.Notice.Products[0].Selector.Lots[0].Lot);
    }

    [Fact]
    public void A_handover_survives_the_outbox_with_its_sealed_patient()
    {
        var original = new HubEvent
        {
            Id = "0193a1b2c3d5",
            Type = HubEventType.PackHandedOver,
            OccurredAt = Some.Today,
            Handover = new PackHandover
            {
                Event = HandoverEvent.Implantation,
                At = Some.Today,
                ScanId = 9,
                RawCode = "]d2010761234567890317280229" + "10LOT1\u001d21SN1",
                Gtin = "07612345678903",
                UdiDi = "07612345678903",
                Lot = "LOT1",
                Serial = "SN1",
                Expiry = new DateOnly(2028, 2, 29),
                Workstation = "bloc-2",
                Operator = "IBODE Durand",
                Prescriber = "Dr Jean Martin (RPPS 10003456789)",
                Place = "Bloc 2, Clinique du Parc",
                SealedPatient = "v1.AAAA",
            },
        };

        string json = HubEventJson.Serialize(original);
        var read = HubEventJson.Read(Message(json, sequence: 3));

        Assert.Contains("\"type\":\"pack_handed_over\"", json, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"implantation\"", json, StringComparison.Ordinal);
        Assert.Contains("\"sealed_patient\":\"v1.AAAA\"", json, StringComparison.Ordinal);
        Assert.Equal(original.Handover, read.Handover);
        Assert.Equal(original with { Sequence = 3 }, read);
    }

    [Fact]
    public void An_event_without_a_handover_is_written_as_before()
    {
        string json = HubEventJson.Serialize(new HubEvent { Id = "x", Type = HubEventType.RecallReceived, OccurredAt = Some.Today });

        Assert.DoesNotContain("handover", json, StringComparison.Ordinal);
        Assert.Null(HubEventJson.Read(Message(json, sequence: 1)).Handover);
    }

    [Fact]
    public void Every_event_type_has_a_stable_snake_case_name()
    {
        Assert.Equal("recall_received", HubEventJson.TypeName(HubEventType.RecallReceived));
        Assert.Equal("dispensed_pack_concerned", HubEventJson.TypeName(HubEventType.DispensedPackConcerned));
        Assert.All(Enum.GetValues<HubEventType>(), t => Assert.Matches("^[a-z]+(_[a-z]+)*$", HubEventJson.TypeName(t)));
    }

    [Fact]
    public void A_damaged_payload_is_refused_with_the_message_id()
    {
        var error = Assert.ThrowsAny<JsonException>(() => HubEventJson.Read(Message("null", sequence: 1)));
        Assert.Contains("Outbox message 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notice_that_breaks_the_contract_inside_an_event_is_refused()
    {
        const string json = """{"id":"x","type":"recall_received","occurred_at":"2026-11-22T09:30:00+01:00","notice":{"source":"ansm"}}""";

        Assert.ThrowsAny<JsonException>(() => HubEventJson.Read(Message(json, sequence: 1)));
    }

    private static OutboxMessage Message(string json, long sequence) =>
        new(5, "lgo", sequence, "stock_blocked", json, Some.Today, 0, Some.Today, null, null);
}
