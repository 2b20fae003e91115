namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>The stable <see cref="IdentifierError.Code"/> values that <see cref="HibccParser"/> reports.</summary>
public static class HibccErrorCodes
{
    /// <summary>The input is empty or does not start with the HIBC flag character <c>+</c>.</summary>
    public const string Flag = "HIBCC_FLAG";

    /// <summary>A character outside the HIBC set (digits, capital letters, <c>- . space $ / + %</c>).</summary>
    public const string CharacterSet = "HIBCC_CHARACTER_SET";

    /// <summary>Too little data to hold a HIBC structure and its check character.</summary>
    public const string TooShort = "HIBCC_TOO_SHORT";

    /// <summary>The mod-43 check character does not match the data; the message gives the expected character.</summary>
    public const string CheckCharacter = "HIBCC_CHECK_CHARACTER";

    /// <summary>A secondary symbol's link character differs from the check character of the primary symbol read with it.</summary>
    public const string LinkCharacter = "HIBCC_LINK_CHARACTER";

    /// <summary>The labeler identification code is not 4 letters or digits starting with a letter.</summary>
    public const string Labeler = "HIBCC_LABELER";

    /// <summary>The product or catalogue number is missing, longer than 18 characters or holds other than letters and digits.</summary>
    public const string Product = "HIBCC_PRODUCT";

    /// <summary>The unit-of-measure (packaging level) character is not a digit.</summary>
    public const string UnitOfMeasure = "HIBCC_UNIT_OF_MEASURE";

    /// <summary>Secondary data that does not start with a known flag or date format, or an empty field.</summary>
    public const string SecondaryFormat = "HIBCC_SECONDARY_FORMAT";

    /// <summary>A date that has the wrong number of digits or is not a calendar date (or an hour above 23).</summary>
    public const string InvalidDate = "HIBCC_INVALID_DATE";

    /// <summary>A quantity that is not made of the expected number of digits.</summary>
    public const string Quantity = "HIBCC_QUANTITY";

    /// <summary>A lot number that is missing where its flag requires it, or too long.</summary>
    public const string Lot = "HIBCC_LOT";

    /// <summary>A serial number that is missing where its flag requires it, or too long.</summary>
    public const string Serial = "HIBCC_SERIAL";

    /// <summary>A field after <c>/</c> that is neither secondary data nor a known supplemental field.</summary>
    public const string Supplemental = "HIBCC_SUPPLEMENTAL";

    /// <summary>The same information (lot, serial, expiry or manufacture date) given twice with different values.</summary>
    public const string DuplicateField = "HIBCC_DUPLICATE_FIELD";
}
