namespace RecallHub.Abstractions.Notices;

/// <summary>The kind of product code a notice gives.</summary>
public enum CodeScheme
{
    /// <summary>A GTIN-8, -12, -13 or -14 (compared as GTIN-14).</summary>
    Gtin = 0,

    /// <summary>A 13-digit CIP (<c>34009…</c>), a GTIN-13.</summary>
    Cip13 = 1,

    /// <summary>A legacy 7-digit CIP; needs the medicines database to be matched.</summary>
    Cip7 = 2,

    /// <summary>A 13-digit ACL code (<c>3401…</c>), a GTIN-13.</summary>
    Acl13 = 3,

    /// <summary>A legacy 7-digit ACL code; needs a mapping to be matched.</summary>
    Acl7 = 4,

    /// <summary>A device identifier (UDI-DI) issued by GS1: a GTIN.</summary>
    UdiDi = 5,

    /// <summary>A HIBCC device identifier: labeler + product + unit of measure.</summary>
    Hibcc = 6,

    /// <summary>An IFA Pharmacy Product Number.</summary>
    Ppn = 7,

    /// <summary>A manufacturer's catalogue or reference number; matched only by people, not by scans.</summary>
    Reference = 8,
}
