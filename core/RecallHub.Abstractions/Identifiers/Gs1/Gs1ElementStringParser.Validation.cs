namespace RecallHub.Abstractions.Identifiers.Gs1;

public static partial class Gs1ElementStringParser
{
    /// <summary>Checks one field's components: lengths, character sets and content rules.</summary>
    private static void ValidateValue(ApplicationIdentifier ai, ReadOnlySpan<char> input, int valueStart, int valueLength, int currentYear, ref ErrorSink sink)
    {
        var value = input.Slice(valueStart, valueLength);
        if (value.Length < ai.MinLength)
        {
            sink.Add(new Gs1Error(Gs1ErrorCode.ValueTooShort, valueStart + value.Length, ai, Expected: ai.MinLength));
            return;
        }

        int offset = 0;
        var components = (Gs1Component[])ai.Components;
        foreach (var component in components)
        {
            int remaining = value.Length - offset;
            if (remaining == 0 && component.IsOptional)
            {
                return;
            }

            int take = component.IsFixedLength ? component.MinLength : Math.Min(remaining, component.MaxLength);
            if (take > remaining || take < component.MinLength)
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.ValueTooShort, valueStart + value.Length, ai, Expected: ai.MinLength));
                return;
            }

            var part = value.Slice(offset, take);
            int invalid = Gs1CharacterSets.IndexOfInvalid(part, component.CharacterSet);
            if (invalid >= 0)
            {
                sink.Add(new Gs1Error(Gs1ErrorCode.InvalidCharacter, valueStart + offset + invalid, ai));
                return;
            }

            var linters = (Gs1Linter[])component.Linters;
            foreach (var linter in linters)
            {
                if (!Gs1LintRules.Check(linter, part, currentYear, out var error, out int at, out int expected))
                {
                    sink.Add(new Gs1Error(error, valueStart + offset + at, ai, Expected: expected, Rule: linter));
                    return;
                }
            }

            offset += take;
        }

        if (offset < value.Length)
        {
            sink.Add(new Gs1Error(Gs1ErrorCode.ValueTooLong, valueStart + offset, ai, Expected: ai.MaxLength));
        }
    }

    /// <summary>Duplicates, mandatory associations and invalid pairings, over all the elements of the symbol.</summary>
    private static void CheckAssociations(ReadOnlySpan<char> input, ReadOnlySpan<Gs1ElementRange> elements, ref ErrorSink sink)
    {
        for (int i = 0; i < elements.Length; i++)
        {
            var element = elements[i];
            var ai = element.Identifier;
            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(elements[j].Identifier, ai) && !elements[j].ValueOf(input).SequenceEqual(element.ValueOf(input)))
                {
                    sink.Add(new Gs1Error(Gs1ErrorCode.DuplicateIdentifier, element.Position, ai));
                    break;
                }
            }

            var rules = ai.RequirementRules;
            for (int r = 0; r < rules.Length; r++)
            {
                if (!IsSatisfied(rules[r], elements))
                {
                    sink.Add(new Gs1Error(Gs1ErrorCode.MissingAssociation, element.Position, ai, Expected: r));
                }
            }

            foreach (var pattern in ai.ExclusionPatterns)
            {
                // Report each pair once, at the later element.
                for (int j = 0; j < i; j++)
                {
                    var other = elements[j].Identifier;
                    if (!ReferenceEquals(other, ai) && pattern.Matches(other))
                    {
                        sink.Add(new Gs1Error(Gs1ErrorCode.InvalidPairing, element.Position, ai, other));
                    }
                }

                for (int j = i + 1; j < elements.Length; j++)
                {
                    var other = elements[j].Identifier;
                    if (!ReferenceEquals(other, ai) && pattern.Matches(other) && !Excludes(other, ai))
                    {
                        sink.Add(new Gs1Error(Gs1ErrorCode.InvalidPairing, elements[j].Position, other, ai));
                    }
                }
            }
        }
    }

    private static bool Excludes(ApplicationIdentifier ai, ApplicationIdentifier other)
    {
        foreach (var pattern in ai.ExclusionPatterns)
        {
            if (pattern.Matches(other))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSatisfied(AiPattern[][] alternatives, ReadOnlySpan<Gs1ElementRange> elements)
    {
        foreach (var required in alternatives)
        {
            bool all = true;
            foreach (var pattern in required)
            {
                if (!IsPresent(pattern, elements))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPresent(AiPattern pattern, ReadOnlySpan<Gs1ElementRange> elements)
    {
        foreach (var element in elements)
        {
            if (pattern.Matches(element.Identifier))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes errors into the caller's buffer and counts those that do not fit.</summary>
    private ref struct ErrorSink(Span<Gs1Error> buffer)
    {
        private readonly Span<Gs1Error> _buffer = buffer;

        public int Count { get; private set; }

        public void Add(Gs1Error error)
        {
            if (Count < _buffer.Length)
            {
                _buffer[Count] = error;
            }

            Count++;
        }
    }
}
