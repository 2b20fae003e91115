namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>The stable <see cref="IdentifierError.Code"/> values that <see cref="IccbbaParser"/> reports.</summary>
public static class IccbbaErrorCodes
{
    /// <summary>The input is empty, or a data structure does not start with a known ISBT 128 data identifier.</summary>
    public const string DataIdentifier = "ICCBBA_DATA_IDENTIFIER";

    /// <summary>
    /// A data structure this parser does not read: nationally defined ones (<c>&amp;a</c>–<c>&amp;z</c>, <c>&amp;;</c>,
    /// <c>&amp;!</c>) and the variable-length ones (<c>&amp;#</c>, <c>&amp;$</c>, <c>&amp;%</c>). Reading stops there, since
    /// the end of the structure is not known.
    /// </summary>
    public const string UnsupportedStructure = "ICCBBA_UNSUPPORTED_STRUCTURE";

    /// <summary>The data ends before a data structure's fixed-length content does.</summary>
    public const string Length = "ICCBBA_LENGTH";

    /// <summary>A character that the data structure does not allow at that place.</summary>
    public const string InvalidCharacter = "ICCBBA_INVALID_CHARACTER";

    /// <summary>A <c>cyyjjj</c> date that is not a day of that year, or a time outside 00:00–23:59.</summary>
    public const string InvalidDate = "ICCBBA_INVALID_DATE";

    /// <summary>DIN flag characters 60–96 (an ISO/IEC 7064 mod 37-2 check) that do not match the DIN.</summary>
    public const string DinCheck = "ICCBBA_DIN_CHECK";

    /// <summary>A compound message (<c>=+</c>) that is not first, or whose announced count of data structures is wrong.</summary>
    public const string CompoundMessage = "ICCBBA_COMPOUND_MESSAGE";

    /// <summary>The same information (data structure, expiry, production date or lot) given twice with different values.</summary>
    public const string DuplicateStructure = "ICCBBA_DUPLICATE_STRUCTURE";
}
