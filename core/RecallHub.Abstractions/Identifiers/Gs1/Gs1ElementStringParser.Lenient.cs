namespace RecallHub.Abstractions.Identifiers.Gs1;

public static partial class Gs1ElementStringParser
{
    /// <summary>
    /// Parses input from a scanner that may drop the GS separators: every way of splitting the data into valid
    /// element strings is tried (separators that are present are honoured), and all the valid readings are
    /// returned. A single valid reading is returned as
    /// such; several make an ambiguous reading (see <see cref="BarcodeReading.IsAmbiguous"/>) whose fields hold
    /// only what every reading agrees on. Nothing is picked silently.
    /// </summary>
    /// <param name="input">What the scanner sent.</param>
    /// <param name="options">How to read; <see cref="Gs1ParserOptions.Default"/> when <see langword="null"/>.</param>
    public static BarcodeReading ReadLenient(string input, Gs1ParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= Gs1ParserOptions.Default;
        var strict = Read(input, options);
        string? substitute = string.IsNullOrEmpty(options.GroupSeparatorSubstitute) ? null : options.GroupSeparatorSubstitute;
        var preambleSink = new ErrorSink([]);
        int start = SkipPreamble(input, substitute, ref preambleSink);
        if (start < 0 || input[start] == '(')
        {
            return strict;
        }

        // A scanner that sends GS at all sends every one, so a valid strict reading of such input is the reading.
        // Without any separator even a valid strict reading is only one candidate: "10A5301421XYZ" is a lot, and
        // also a lot and a serial.
        if (strict.IsValid && (IsSeparatorBefore(input, start, substitute) || IndexOfSeparator(input, start, input.Length, substitute) >= 0))
        {
            return strict;
        }

        var search = new LenientSearch(input, substitute, options);
        search.Explore(start, []);
        return (search.Readings.Count, search.IsComplete) switch
        {
            (0, _) => strict,
            (1, true) => search.Readings[0],
            _ => Ambiguous(input, search.Readings, search.IsComplete),
        };
    }

    // A leading FNC1 sent as GS (or its substitute) also shows that the scanner transmits separators.
    private static bool IsSeparatorBefore(string input, int start, string? substitute) =>
        input.AsSpan(0, start).IndexOf(GroupSeparator) >= 0
        || (substitute is not null && input.AsSpan(0, start).IndexOf(substitute, StringComparison.Ordinal) >= 0);

    private static BarcodeReading Ambiguous(string input, List<BarcodeReading> readings, bool complete)
    {
        static T? Agreed<T>(List<BarcodeReading> all, Func<BarcodeReading, T?> field)
        {
            var first = field(all[0]);
            return all.TrueForAll(r => EqualityComparer<T?>.Default.Equals(field(r), first)) ? first : default;
        }

        // A negative count says the search stopped at its limit: there may be more readings.
        var error = new Gs1Error(Gs1ErrorCode.Ambiguous, 0, Expected: complete ? readings.Count : -readings.Count);
        return new BarcodeReading
        {
            Input = input,
            Scheme = IdentifierScheme.Gs1,
            Gtin = Agreed(readings, r => r.Gtin),
            Cip13 = Agreed(readings, r => r.Cip13),
            Acl13 = Agreed(readings, r => r.Acl13),
            UdiDi = Agreed(readings, r => r.UdiDi),
            Lot = Agreed(readings, r => r.Lot),
            Serial = Agreed(readings, r => r.Serial),
            Expiry = Agreed(readings, r => r.Expiry),
            ProductionDate = Agreed(readings, r => r.ProductionDate),
            Errors = [error.ToIdentifierError()],
            IsAmbiguous = true,
            Alternatives = readings,
        };
    }

    /// <summary>Depth-first search over the places where a variable-length field may end.</summary>
    private sealed class LenientSearch(string input, string? substitute, Gs1ParserOptions options)
    {
        // Guards against pathological input: each step is one candidate field end.
        private const int MaxSteps = 20_000;

        private readonly int _currentYear = options.CurrentYear();
        private int _steps;

        public List<BarcodeReading> Readings { get; } = [];

        /// <summary><see langword="false"/> when the search stopped at a limit before trying every split.</summary>
        public bool IsComplete { get; private set; } = true;

        public void Explore(int pos, List<Gs1ElementRange> path)
        {
            if (Readings.Count >= options.MaxLenientReadings || ++_steps > MaxSteps)
            {
                IsComplete = false;
                return;
            }

            int skip;
            while ((skip = SeparatorLength(input, pos, substitute)) > 0)
            {
                pos += skip;
            }

            if (pos >= input.Length)
            {
                Accept(path);
                return;
            }

            var noErrors = new ErrorSink([]);
            if (!TryReadIdentifier(input, pos, out var ai, out int aiLength, ref noErrors))
            {
                return;
            }

            int valueStart = pos + aiLength;
            int separator = IndexOfSeparator(input, valueStart, input.Length, substitute);
            int limit = separator < 0 ? input.Length : separator;
            int longest = Math.Min(limit - valueStart, ai.MaxLength);
            int shortest = ai.IsFixedLength ? ai.MaxLength : Math.Max(ai.MinLength, 1);
            for (int length = shortest; length <= longest; length++)
            {
                int end = valueStart + length;
                bool fieldEnds = end == limit || ApplicationIdentifiers.GetCodeLength(input.AsSpan(end)) > 0;
                if (!fieldEnds || !IsValidValue(ai, valueStart, length))
                {
                    continue;
                }

                path.Add(new Gs1ElementRange(ai, pos, valueStart, length));
                Explore(end, path);
                path.RemoveAt(path.Count - 1);
            }
        }

        private bool IsValidValue(ApplicationIdentifier ai, int valueStart, int length)
        {
            var sink = new ErrorSink([]);
            ValidateValue(ai, input, valueStart, length, _currentYear, ref sink);
            return sink.Count == 0;
        }

        private void Accept(List<Gs1ElementRange> path)
        {
            if (path.Count == 0 || path.Count > MaxElements)
            {
                return;
            }

            var elements = path.ToArray();
            if (options.CheckAssociations)
            {
                var sink = new ErrorSink([]);
                CheckAssociations(input, elements, ref sink);
                if (sink.Count > 0)
                {
                    return;
                }
            }

            Readings.Add(BuildReading(input, elements, [], _currentYear));
        }
    }
}
