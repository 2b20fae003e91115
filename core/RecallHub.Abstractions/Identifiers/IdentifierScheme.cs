namespace RecallHub.Abstractions.Identifiers;

/// <summary>The issuing scheme whose syntax a scanned code follows.</summary>
public enum IdentifierScheme
{
    /// <summary>Not recognised as any supported scheme.</summary>
    Unknown = 0,

    /// <summary>GS1 element strings (DataMatrix, GS1-128, DataBar) or a plain GTIN barcode.</summary>
    Gs1 = 1,

    /// <summary>HIBCC Health Industry Bar Code (starts with <c>+</c>).</summary>
    Hibcc = 2,

    /// <summary>IFA / ISO/IEC 15434 format 06 with ASC MH10 data identifiers (PPN in <c>9N</c>).</summary>
    Ifa = 3,

    /// <summary>ICCBBA ISBT 128 data structures (start with <c>=</c> or <c>&amp;</c>).</summary>
    Iccbba = 4,
}
