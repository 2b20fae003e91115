namespace RecallHub.Sources.Ansm.Products;

/// <summary>One block of a notice's body, in reading order: a paragraph, a list item, a heading or a table.</summary>
internal abstract record NoticeBlock;
