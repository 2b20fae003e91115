using RecallHub.Abstractions.Notices;
using RecallHub.Sinks.ImplantRegister.Register;

namespace RecallHub.Sinks.ImplantRegister.Matching;

/// <summary>
/// Whether a recall's <see cref="LotSelector"/> reaches a registered device of its product. Any criterion that holds
/// makes it concerned: all lots; a listed lot (case and white space ignored; a lot's expiry in the notice is not used
/// to rule a device out — missing a patient is worse than one call too many); a serial equal to one listed or inside a
/// range; an expiry inside the range. A criterion the register cannot check (no lot, serial or expiry recorded, or a
/// production-date range: handovers carry no production date) makes it <see cref="RegisterMatch.CannotTell"/> when
/// nothing else holds.
/// </summary>
internal static class DeviceSelectorMatcher
{
    public static RegisterMatch Match(LotSelector selector, string? lot, string? serial, DateOnly? expiry)
    {
        ArgumentNullException.ThrowIfNull(selector);
        if (selector.AllLots)
        {
            return RegisterMatch.Concerned;
        }

        bool cannotTell = false;
        string? lotKey = DeviceKey.Lot(lot);
        if (selector.Lots.Count > 0)
        {
            if (string.IsNullOrEmpty(lotKey))
            {
                cannotTell = true;
            }
            else if (selector.Lots.Any(l => DeviceKey.Lot(l.Lot) == lotKey))
            {
                return RegisterMatch.Concerned;
            }
        }

        string? serialKey = DeviceKey.Lot(serial);
        if (selector.Serials.Count > 0)
        {
            if (string.IsNullOrEmpty(serialKey))
            {
                cannotTell = true;
            }
            else if (selector.Serials.Any(r => InRange(DeviceKey.Lot(r.First) ?? "", DeviceKey.Lot(r.Last) ?? "", serialKey)))
            {
                return RegisterMatch.Concerned;
            }
        }

        if (selector.ExpiryRange is { } range)
        {
            if (expiry is not { } date)
            {
                cannotTell = true;
            }
            else if (range.Contains(date))
            {
                return RegisterMatch.Concerned;
            }
        }

        cannotTell |= selector.ProductionRange is not null;
        return cannotTell ? RegisterMatch.CannotTell : RegisterMatch.None;
    }

    /// <summary>
    /// One serial (ends equal, or one end empty) must be equal. Ends of the same length are one numbering: the serial
    /// must have that length and lie between them character by character (for digits, that is as numbers). Digit ends
    /// of different lengths compare as numbers; anything else character by character.
    /// </summary>
    internal static bool InRange(string first, string last, string serial)
    {
        if (first.Length == 0)
        {
            first = last;
        }
        else if (last.Length == 0)
        {
            last = first;
        }

        if (first.Length == 0 || serial.Length == 0)
        {
            return false;
        }

        if (first.Length == last.Length)
        {
            return serial.Length == first.Length && string.CompareOrdinal(first, serial) <= 0 && string.CompareOrdinal(serial, last) <= 0;
        }

        if (IsDigits(first) && IsDigits(last) && IsDigits(serial))
        {
            return CompareNumbers(first, serial) <= 0 && CompareNumbers(serial, last) <= 0;
        }

        return string.CompareOrdinal(first, serial) <= 0 && string.CompareOrdinal(serial, last) <= 0;
    }

    private static bool IsDigits(string text) => text.All(char.IsAsciiDigit);

    private static int CompareNumbers(string x, string y)
    {
        x = x.TrimStart('0');
        y = y.TrimStart('0');
        return x.Length != y.Length ? x.Length.CompareTo(y.Length) : string.CompareOrdinal(x, y);
    }
}
