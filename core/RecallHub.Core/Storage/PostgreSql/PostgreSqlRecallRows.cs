using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.PostgreSql;

// Rows as Dapper reads them from PostgreSQL; turned into the store's records at once.

/// <summary>A <c>recalls</c> row, with the list columns when read for a page.</summary>
internal sealed class PostgreSqlRecallRow
{
    public long Id { get; set; }

    public string? AlertNumber { get; set; }

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public int RecallLevels { get; set; }

    public DateTime PublishedAt { get; set; }

    public string Status { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long RevisionCount { get; set; }

    public string? Sources { get; set; }
}

/// <summary>A <c>recall_revisions</c> row.</summary>
internal sealed class PostgreSqlRevisionRow
{
    public long Id { get; set; }

    public long RecallId { get; set; }

    public string Source { get; set; } = "";

    public string SourceId { get; set; } = "";

    public int Version { get; set; }

    public string ContentSha256 { get; set; } = "";

    public string NoticeJson { get; set; } = "";

    public string? RawPayload { get; set; }

    public DateTime ReceivedAt { get; set; }

    public string? ChangeSummaryJson { get; set; }

    public bool IsCurrent { get; set; }

    public RecallRevision ToRevision() => new(
        Id,
        Source,
        SourceId,
        Version,
        PostgreSqlValues.ReadInstant(ReceivedAt),
        IsCurrent,
        NoticeJson,
        RawPayload,
        ChangeSummaryJson is null ? null : RecallChangeSummaryJson.Read(ChangeSummaryJson));
}

/// <summary>An active recall joined with one of its current products (or none).</summary>
internal sealed class PostgreSqlActiveRow
{
    public long RecallId { get; set; }

    public string Kind { get; set; } = "";

    public int RecallLevels { get; set; }

    public string Title { get; set; } = "";

    public string? AlertNumber { get; set; }

    public string? CodeScheme { get; set; }

    public string? Code { get; set; }

    public string? Label { get; set; }

    public string? SelectorJson { get; set; }

    /// <summary>The product, or <see langword="null"/> for a recall with none.</summary>
    public RecalledProduct? ToProduct() => Code is null
        ? null
        : new RecalledProduct(StoreValues.ReadName<CodeScheme>(CodeScheme!, $"recall_products of recall {RecallId}"), Code, Label, LotSelectorJson.Read(SelectorJson!));
}
