using RecallHub.Abstractions.Notices;

namespace RecallHub.Core.Storage.Sqlite;

// Rows as Dapper reads them; turned into the store's records at once.

/// <summary>A <c>recalls</c> row.</summary>
internal class RecallRow
{
    public long Id { get; set; }

    public string? AlertNumber { get; set; }

    public string Kind { get; set; } = "";

    public string Title { get; set; } = "";

    public long RecallLevels { get; set; }

    public string PublishedAt { get; set; } = "";

    public string Status { get; set; } = "";

    public string CreatedAt { get; set; } = "";

    public string UpdatedAt { get; set; } = "";
}

/// <summary>A <c>recalls</c> row with its list columns.</summary>
internal sealed class SummaryRow : RecallRow
{
    public long RevisionCount { get; set; }

    public string? Sources { get; set; }
}

/// <summary>A <c>recall_revisions</c> row.</summary>
internal sealed class RevisionRow
{
    public long Id { get; set; }

    public long RecallId { get; set; }

    public string Source { get; set; } = "";

    public string SourceId { get; set; } = "";

    public long Version { get; set; }

    public string ContentSha256 { get; set; } = "";

    public string NoticeJson { get; set; } = "";

    public string? RawPayload { get; set; }

    public string ReceivedAt { get; set; } = "";

    public string? ChangeSummaryJson { get; set; }

    public long IsCurrent { get; set; }

    public RecallRevision ToRevision() => new(
        Id,
        Source,
        SourceId,
        (int)Version,
        SqliteValues.ReadInstant(ReceivedAt),
        IsCurrent != 0,
        NoticeJson,
        RawPayload,
        ChangeSummaryJson is null ? null : RecallChangeSummaryJson.Read(ChangeSummaryJson));
}

/// <summary>A <c>recall_products</c> row.</summary>
internal sealed class ProductRow
{
    public long RecallId { get; set; }

    public string CodeScheme { get; set; } = "";

    public string Code { get; set; } = "";

    public string? Label { get; set; }

    public string SelectorJson { get; set; } = "";

    public RecalledProduct ToProduct() => new(
        SqliteValues.ReadName<CodeScheme>(CodeScheme, $"recall_products of recall {RecallId}"),
        Code,
        Label,
        LotSelectorJson.Read(SelectorJson));
}

/// <summary>An active recall joined with one of its current products (or none).</summary>
internal sealed class ActiveRow
{
    public long RecallId { get; set; }

    public string Kind { get; set; } = "";

    public long RecallLevels { get; set; }

    public string Title { get; set; } = "";

    public string? AlertNumber { get; set; }

    public string? CodeScheme { get; set; }

    public string? Code { get; set; }

    public string? Label { get; set; }

    public string? SelectorJson { get; set; }
}
