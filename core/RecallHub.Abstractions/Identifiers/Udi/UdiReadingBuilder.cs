namespace RecallHub.Abstractions.Identifiers.Udi;

/// <summary>
/// The mutable state a UDI parser fills while it walks its input, turned into a <see cref="BarcodeReading"/> at the
/// end. Lists are created on first use so that a clean, short code allocates little.
/// </summary>
internal sealed class UdiReadingBuilder
{
    private List<DataElement>? _elements;
    private List<IdentifierError>? _errors;

    public UdiReadingBuilder(string input, IdentifierScheme scheme)
    {
        Input = input;
        Scheme = scheme;
    }

    public string Input { get; }

    public IdentifierScheme Scheme { get; set; }

    public string? Gtin { get; set; }

    public string? Lot { get; set; }

    public string? Serial { get; set; }

    public DateOnly? Expiry { get; set; }

    public DateOnly? ProductionDate { get; set; }

    public string? UdiDi { get; set; }

    public string? Labeler { get; set; }

    public string? Product { get; set; }

    public string? UnitOfMeasure { get; set; }

    public string? Ppn { get; set; }

    public int ErrorCount => _errors?.Count ?? 0;

    public void AddElement(string id, string value) => (_elements ??= []).Add(new DataElement(id, value));

    public void AddError(string code, int position, string message) =>
        (_errors ??= []).Add(new IdentifierError(code, position, message));

    /// <summary>
    /// Records an expiry or production date unless one was read already with another value: then the first is kept
    /// and the contradiction is reported, because a code that states two expiries must not be trusted silently.
    /// </summary>
    /// <param name="date">The date read.</param>
    /// <param name="at">Where it starts in the input.</param>
    /// <param name="isExpiry">Expiry, else production date.</param>
    /// <param name="conflictCode">The scheme's error code for contradicting fields.</param>
    /// <param name="name">The scheme's word for the date ("expiry", "manufacture"…), for the message.</param>
    public void SetDate(DateOnly date, int at, bool isExpiry, string conflictCode, string name)
    {
        DateOnly? current = isExpiry ? Expiry : ProductionDate;
        if (current is { } known && known != date)
        {
            AddError(
                conflictCode,
                at,
                $"The {name} date at position {UdiText.At(at)} ({UdiText.Iso(date)}) contradicts the {name} date given earlier "
                + $"({UdiText.Iso(known)}); the first is kept.");
            return;
        }

        if (isExpiry)
        {
            Expiry = date;
        }
        else
        {
            ProductionDate = date;
        }
    }

    public BarcodeReading Build()
    {
        // Errors are reported in input order whatever order the checks ran in (stable: equal positions keep their
        // order of discovery).
        if (_errors is not null)
        {
            for (int i = 1; i < _errors.Count; i++)
            {
                IdentifierError current = _errors[i];
                int j = i - 1;
                while (j >= 0 && _errors[j].Position > current.Position)
                {
                    _errors[j + 1] = _errors[j];
                    j--;
                }

                _errors[j + 1] = current;
            }
        }

        return new BarcodeReading
        {
            Input = Input,
            Scheme = Scheme,
            Gtin = Gtin,
            Lot = Lot,
            Serial = Serial,
            Expiry = Expiry,
            ProductionDate = ProductionDate,
            UdiDi = UdiDi,
            Labeler = Labeler,
            Product = Product,
            UnitOfMeasure = UnitOfMeasure,
            Ppn = Ppn,
            Elements = _elements is null ? [] : _elements.ToArray(),
            Errors = _errors is null ? [] : _errors.ToArray(),
        };
    }
}
