using RecallHub.Sources.Nmvs.Client;

namespace RecallHub.Sources.Nmvs.Tests.Client;

public sealed class NmvsSoapEnvelopeTests
{
    [Fact]
    public void ARequest_ReadsBackAsWritten()
    {
        NmvsPack[] packs = [new("03400930270387", "A53014", new DateOnly(2028, 2, 29), "7GH29KXW41Q"), new("03400930270387", "B&<1>", null, "S2")];

        string xml = NmvsSoapEnvelope.WriteRequest(NmvsOperation.DispensePacks, new NmvsRequestHeader("trx-1", "user") { Password = "p" }, packs);
        var request = NmvsSoapEnvelope.ReadRequest(xml);

        Assert.Equal(NmvsOperation.DispensePacks, request.Operation);
        Assert.Equal(("trx-1", "user", "p"), (request.Header.ClientTransactionId, request.Header.UserId, request.Header.Password));
        Assert.Equal(packs, request.Packs);
    }

    [Fact]
    public void AResponse_ReadsBackAsWritten()
    {
        var result = new NmvsPackResult(new NmvsPack("03400930270387", "A53014", null, "S1"), "NMVS_NC_PCK_22")
        {
            PackState = "Supplied",
            StateChangedAt = new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.FromHours(1)),
            SameLocation = true,
            AlertId = "A1",
            WarningText = "w",
        };

        string xml = NmvsSoapEnvelope.WriteResponse(new NmvsResponse(NmvsOperation.DispensePack, "trx", "nmvs-trx", "NMVS_NC_PCK_22", [result]));
        var response = NmvsSoapEnvelope.ReadResponse(xml, NmvsOperation.DispensePack);

        Assert.Equal(("trx", "nmvs-trx", "NMVS_NC_PCK_22"), (response.ClientTransactionId, response.NmvsTransactionId, response.ReturnCode));
        Assert.Equal(result, Assert.Single(response.Results));
    }

    [Fact]
    public void AFault_IsReadAsItsReturnCode()
    {
        string xml = NmvsSoapEnvelope.WriteFault("NMVS_TI_TO_01", "Timeout.", clientError: false);

        var fault = Assert.Throws<NmvsFaultException>(() => NmvsSoapEnvelope.ReadResponse(xml, NmvsOperation.VerifyPack));

        Assert.Equal("NMVS_TI_TO_01", fault.ReturnCode);
    }

    [Fact]
    public void AnAnswerToAnotherOperation_IsRefused()
    {
        string xml = NmvsSoapEnvelope.WriteResponse(new NmvsResponse(NmvsOperation.VerifyPack, "t", null, "NMVS_OK", []));

        Assert.Throws<FormatException>(() => NmvsSoapEnvelope.ReadResponse(xml, NmvsOperation.DispensePack));
    }

    [Fact]
    public void ADocumentType_IsRefused()
    {
        const string Xml = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""";

        Assert.Throws<FormatException>(() => NmvsSoapEnvelope.ReadResponse(Xml, null));
    }
}
