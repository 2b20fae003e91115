namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>The stable <see cref="IdentifierError.Code"/> values that <see cref="IfaParser"/> reports.</summary>
public static class IfaErrorCodes
{
    /// <summary>The ISO/IEC 15434 envelope is missing or broken (<c>[)&gt;</c>, RS, GS) or data follows its end.</summary>
    public const string Envelope = "IFA_ENVELOPE";

    /// <summary>
    /// The envelope's format is not <c>06</c>. Format <c>05</c> carries GS1 element strings and must be read by the GS1
    /// parser; the reading then has <see cref="IdentifierScheme.Gs1"/> so that a caller can route it.
    /// </summary>
    public const string Format = "IFA_FORMAT";

    /// <summary>A field that does not start with a data identifier (up to three digits and a capital letter), or an empty field.</summary>
    public const string DataIdentifier = "IFA_DATA_IDENTIFIER";

    /// <summary>The same data identifier appears twice; the first value is kept.</summary>
    public const string DuplicateIdentifier = "IFA_DUPLICATE_IDENTIFIER";

    /// <summary>A control character inside a field's data.</summary>
    public const string InvalidCharacter = "IFA_INVALID_CHARACTER";

    /// <summary>A PPN (<c>9N</c>) that is not 4 to 22 capital letters and digits ending with two digits.</summary>
    public const string PpnFormat = "IFA_PPN_FORMAT";

    /// <summary>The PPN's two check digits do not match the IFA modulo-97 rule.</summary>
    public const string PpnCheck = "IFA_PPN_CHECK";

    /// <summary>The PZN inside a German PPN (agency code <c>11</c>) fails its modulo-11 check digit.</summary>
    public const string PznCheck = "IFA_PZN_CHECK";

    /// <summary>A GTIN (<c>8P</c>) that is not 8, 12, 13 or 14 digits.</summary>
    public const string Gtin = "IFA_GTIN";

    /// <summary>A GTIN (<c>8P</c>) whose GS1 mod-10 check digit does not match.</summary>
    public const string GtinCheck = "IFA_GTIN_CHECK";

    /// <summary>An expiry (<c>D</c>) or production date (<c>16D</c>) that has the wrong form or is not a calendar date.</summary>
    public const string InvalidDate = "IFA_INVALID_DATE";

    /// <summary>A lot (<c>1T</c>) or serial number (<c>S</c>) that is empty or longer than 20 characters.</summary>
    public const string Length = "IFA_LENGTH";
}
