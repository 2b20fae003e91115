namespace RecallHub.Host.Web.Api.Recalls;

/// <summary>A lot added to or removed from a recalled product.</summary>
/// <param name="ProductKey">The product's key.</param>
/// <param name="Lot">The lot as the notice writes it.</param>
internal sealed record LotChangeView(string ProductKey, string Lot);
