namespace RecallHub.Sources.Ansm.Notices;

/// <summary>An update note of a notice: <c>Actualisation du 12/09/2026</c> and what it says.</summary>
/// <param name="Date">The update's date.</param>
/// <param name="Text">The paragraph that announces it.</param>
internal sealed record NoticeUpdate(DateOnly Date, string Text);
