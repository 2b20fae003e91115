namespace RecallHub.Sources.Ansm.Listing;

/// <summary>One card of the ANSM listing (<c>article.article-item</c>): a notice as the listing announces it.</summary>
/// <param name="Url">The notice page, absolute.</param>
/// <param name="Date">The <c>PUBLIÉ LE</c> date.</param>
/// <param name="Category">The category, such as <c>RAPPEL DE PRODUIT</c>.</param>
/// <param name="HealthProduct">The health-product type, such as <c>Médicaments</c>.</param>
/// <param name="Title">The title.</param>
/// <param name="Summary">The card's text: the recall level or the recall number.</param>
internal sealed record ListingCard(Uri Url, DateOnly? Date, string? Category, string? HealthProduct, string Title, string? Summary)
{
    /// <summary>The notice page's path, which stays the same whatever the site's base URL.</summary>
    public string Path => Url.AbsolutePath;
}
