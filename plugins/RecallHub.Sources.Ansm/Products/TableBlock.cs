namespace RecallHub.Sources.Ansm.Products;

/// <summary>A table: its rows of cell texts, the header row first when it has one.</summary>
/// <param name="Header">The header cells (from <c>th</c> cells or the first row), or empty.</param>
/// <param name="Rows">The data rows.</param>
internal sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : NoticeBlock;
