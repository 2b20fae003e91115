namespace RecallHub.Abstractions.Notices;

/// <summary>
/// A recall or safety notice, normalised from whatever its source published. Source plugins produce it; the hub
/// stores it once per (<see cref="Source"/>, <see cref="SourceId"/>), keeps each <see cref="Version"/> as a revision
/// and matches its <see cref="Products"/> against the pharmacy's packs. Its JSON form is documented in
/// <c>docs/notices.md</c>.
/// </summary>
public sealed record RecallNotice
{
    // Lists are never null, however the notice was built (serializers pass null for omitted members).
    private readonly IReadOnlyList<string> _actions = [];
    private readonly IReadOnlyList<NoticeLink> _links = [];
    private readonly IReadOnlyList<RecalledProduct> _products = [];

    /// <summary>The source plugin's id, such as <c>ansm</c> or <c>rappelconso</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The notice's stable id at its source (a URL slug, a record id…).</summary>
    public required string SourceId { get; init; }

    /// <summary>The source's version of the notice, from 1; a higher version is a revision of the same notice.</summary>
    public int Version { get; init; } = 1;

    /// <summary>What the notice asks of the pharmacy.</summary>
    public NoticeKind Kind { get; init; }

    /// <summary>When the source published this version.</summary>
    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>The notice's title as published.</summary>
    public required string Title { get; init; }

    /// <summary>Why the products are recalled (quality defect, contamination…).</summary>
    public string? Reason { get; init; }

    /// <summary>The risk for patients or users.</summary>
    public string? Risk { get; init; }

    /// <summary>How deep the recall goes.</summary>
    public RecallLevels RecallLevels { get; init; }

    /// <summary>The authority's alert number, such as <c>MED26/A019/B018</c> or <c>R2619855</c>; links notices from several sources.</summary>
    public string? AlertNumber { get; init; }

    /// <summary>What to do, one step per item, as the source says it.</summary>
    public IReadOnlyList<string> Actions { get => _actions; init => _actions = value ?? []; }

    /// <summary>The source's page, documents and images.</summary>
    public IReadOnlyList<NoticeLink> Links { get => _links; init => _links = value ?? []; }

    /// <summary>The products concerned, each with its units.</summary>
    public IReadOnlyList<RecalledProduct> Products { get => _products; init => _products = value ?? []; }

    /// <summary>
    /// <see langword="true"/> when the source plugin could not read the products reliably (no parsable code, guessed
    /// lots): the notice is kept and shown, and people check it.
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("low_confidence")]
    public bool IsLowConfidence { get; init; }

    /// <summary>The payload as received from the source, kept so that nothing the parser missed is lost.</summary>
    public string? RawPayload { get; init; }
}
