using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace RecallHub.Sources.Nmvs.Client;

/// <summary>
/// The whole wire format, in one place: the SOAP 1.1 envelopes of every operation, written and read with
/// <see cref="XDocument"/>. The national system's WSDL is given only to connected software vendors, so the element
/// names here are RecallHub's own, built from the fields the system is publicly known to exchange; when the real WSDL
/// is at hand, this class is what changes. Documented in <c>docs/nmvs.md</c>.
/// </summary>
internal static class NmvsSoapEnvelope
{
    /// <summary>The media type of requests and responses (SOAP 1.1).</summary>
    public const string ContentType = "text/xml; charset=utf-8";

    /// <summary>RecallHub's namespace for the operations' elements.</summary>
    public static readonly XNamespace Ns = "urn:recallhub:nmvs:1";

    private static readonly XNamespace Soap = "http://schemas.xmlsoap.org/soap/envelope/";

    // No DTD, no external entities: the answer comes from the network.
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 64 * 1024 * 1024,
    };

    /// <summary>The <c>SOAPAction</c> header of an operation.</summary>
    public static string SoapAction(NmvsOperation operation) => $"\"{Ns.NamespaceName}#{operation}\"";

    /// <summary>Whether an operation takes several packs.</summary>
    public static bool IsBulk(NmvsOperation operation) =>
        operation is NmvsOperation.VerifyPacks or NmvsOperation.DispensePacks or NmvsOperation.UndoDispensePacks;

    /// <summary>Writes a request.</summary>
    public static string WriteRequest(NmvsOperation operation, NmvsRequestHeader header, IReadOnlyList<NmvsPack> packs)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(packs);
        if (packs.Count == 0 || (!IsBulk(operation) && packs.Count != 1))
        {
            throw new ArgumentException($"{operation} takes {(IsBulk(operation) ? "at least one pack" : "exactly one pack")}, not {packs.Count}.", nameof(packs));
        }

        var body = new XElement(
            Ns + $"{operation}Request",
            new XElement(
                Ns + "Header",
                new XElement(Ns + "ClientTrxId", header.ClientTransactionId),
                Optional("UserId", header.UserId),
                Optional("Password", header.Password),
                new XElement(Ns + "Language", "fr")),
            packs.Select(p => new XElement(Ns + "Pack", PackElements(p))));
        return Envelope(body);
    }

    /// <summary>Reads a request (the simulator's side).</summary>
    /// <exception cref="FormatException">Not a request of a known operation; the message says what is wrong.</exception>
    public static NmvsRequest ReadRequest(string xml)
    {
        var body = Body(xml);
        string name = body.Name.LocalName;
        if (body.Name.Namespace != Ns || !name.EndsWith("Request", StringComparison.Ordinal)
            || !Enum.TryParse<NmvsOperation>(name[..^"Request".Length], out var operation))
        {
            throw new FormatException($"Unknown operation element {body.Name}.");
        }

        var header = body.Element(Ns + "Header") ?? throw new FormatException("The request has no Header.");
        var packs = body.Elements(Ns + "Pack").Select(ReadPack).ToList();
        if (packs.Count == 0 || (!IsBulk(operation) && packs.Count != 1))
        {
            throw new FormatException($"{operation} needs {(IsBulk(operation) ? "at least one Pack" : "exactly one Pack")}; found {packs.Count}.");
        }

        return new NmvsRequest(
            operation,
            new NmvsRequestHeader(Required(header, "ClientTrxId"), Text(header, "UserId")) { Password = Text(header, "Password") },
            packs);
    }

    /// <summary>Writes an answer (the simulator's side).</summary>
    public static string WriteResponse(NmvsResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = new XElement(
            Ns + $"{response.Operation}Response",
            new XElement(
                Ns + "Header",
                new XElement(Ns + "ClientTrxId", response.ClientTransactionId),
                Optional("NmvsTrxId", response.NmvsTransactionId),
                new XElement(Ns + "ReturnCode", response.ReturnCode)),
            response.Results.Select(r => new XElement(
                Ns + "PackResult",
                PackElements(r.Pack),
                new XElement(Ns + "ReturnCode", r.ReturnCode),
                Optional("ReturnCodeDescription", r.ReturnCodeDescription),
                Optional("PackState", r.PackState),
                Optional("BatchState", r.BatchState),
                Optional("ProductState", r.ProductState),
                Optional("StateChangedAt", r.StateChangedAt?.ToString("O", CultureInfo.InvariantCulture)),
                Optional("SameLocation", r.SameLocation is { } same ? XmlConvert.ToString(same) : null),
                Optional("AlertId", r.AlertId),
                Optional("WarningText", r.WarningText))));
        return Envelope(body);
    }

    /// <summary>Reads an answer.</summary>
    /// <param name="xml">The response body.</param>
    /// <param name="operation">The operation asked: the answer must be its; <see langword="null"/> accepts any.</param>
    /// <exception cref="NmvsFaultException">The system answered with a SOAP fault.</exception>
    /// <exception cref="FormatException">Not an answer to <paramref name="operation"/>.</exception>
    public static NmvsResponse ReadResponse(string xml, NmvsOperation? operation)
    {
        var body = Body(xml);
        if (body.Name == Soap + "Fault")
        {
            string? code = body.Element("detail")?.Element(Ns + "ReturnCode")?.Value;
            throw new NmvsFaultException(code ?? "NMVS_ERROR", body.Element("faultstring")?.Value ?? "SOAP fault without a message.");
        }

        string name = body.Name.LocalName;
        if (body.Name.Namespace != Ns || !name.EndsWith("Response", StringComparison.Ordinal)
            || !Enum.TryParse<NmvsOperation>(name[..^"Response".Length], out var answered)
            || (operation is { } asked && asked != answered))
        {
            throw new FormatException($"Expected {(operation is null ? "an operation's" : operation.ToString())}Response, found {name}.");
        }

        var header = body.Element(Ns + "Header") ?? throw new FormatException("The answer has no Header.");
        var results = body.Elements(Ns + "PackResult").Select(r => new NmvsPackResult(ReadPack(r), Required(r, "ReturnCode"))
        {
            ReturnCodeDescription = Text(r, "ReturnCodeDescription"),
            PackState = Text(r, "PackState"),
            BatchState = Text(r, "BatchState"),
            ProductState = Text(r, "ProductState"),
            StateChangedAt = Text(r, "StateChangedAt") is { } at
                ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                : null,
            SameLocation = Text(r, "SameLocation") is { } same ? XmlConvert.ToBoolean(same) : null,
            AlertId = Text(r, "AlertId"),
            WarningText = Text(r, "WarningText"),
        }).ToList();
        return new NmvsResponse(answered, Required(header, "ClientTrxId"), Text(header, "NmvsTrxId"), Required(header, "ReturnCode"), results);
    }

    /// <summary>Writes a SOAP fault carrying a return code (the simulator's side).</summary>
    /// <param name="returnCode">The return code, such as <c>NMVS_TE_XM_01</c>.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="clientError">Whether the request is at fault (<c>soap:Client</c>) rather than the server.</param>
    public static string WriteFault(string returnCode, string message, bool clientError) =>
        Envelope(new XElement(
            Soap + "Fault",
            new XElement("faultcode", clientError ? "soap:Client" : "soap:Server"),
            new XElement("faultstring", message),
            new XElement("detail", new XElement(Ns + "ReturnCode", returnCode))));

    private static IEnumerable<XElement> PackElements(NmvsPack pack)
    {
        yield return new XElement(Ns + "ProductCode", new XAttribute("scheme", pack.ProductCodeScheme), pack.ProductCode);
        yield return new XElement(Ns + "Batch", pack.Batch);
        if (pack.Expiry is { } expiry)
        {
            yield return new XElement(Ns + "ExpiryDate", expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        yield return new XElement(Ns + "SerialNumber", pack.SerialNumber);
    }

    private static NmvsPack ReadPack(XElement element)
    {
        var code = element.Element(Ns + "ProductCode") ?? throw new FormatException("A pack has no ProductCode.");
        string? expiry = Text(element, "ExpiryDate");
        return new NmvsPack(
            code.Value.Trim(),
            element.Element(Ns + "Batch")?.Value.Trim() ?? "",
            expiry is null ? null : DateOnly.ParseExact(expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Required(element, "SerialNumber"))
        {
            ProductCodeScheme = code.Attribute("scheme")?.Value ?? "GTIN",
        };
    }

    private static string Envelope(XElement body)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Soap + "Envelope",
                new XAttribute(XNamespace.Xmlns + "soap", Soap),
                new XAttribute(XNamespace.Xmlns + "n", Ns),
                new XElement(Soap + "Body", body)));
        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement Body(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, ReaderSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"Not XML: {e.Message}", e);
        }

        return document.Root is { } root && root.Name == Soap + "Envelope"
            ? root.Element(Soap + "Body")?.Elements().FirstOrDefault() ?? throw new FormatException("The SOAP Body is missing or empty.")
            : throw new FormatException("Not a SOAP 1.1 envelope.");
    }

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(Ns + name, value);

    private static string? Text(XElement parent, string name) =>
        parent.Element(Ns + name)?.Value is { Length: > 0 } value ? value.Trim() : null;

    private static string Required(XElement parent, string name) =>
        Text(parent, name) ?? throw new FormatException($"{parent.Name.LocalName} has no {name}.");
}
