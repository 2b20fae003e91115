namespace RecallHub.Sources.Ansm.Products;

/// <summary>A paragraph, heading or line of text.</summary>
/// <param name="Text">Its text, white space squeezed.</param>
/// <param name="IsListItem"><see langword="true"/> for an item of a list.</param>
internal sealed record TextBlock(string Text, bool IsListItem = false) : NoticeBlock;
