using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Dashboard.Tests.Support;

internal static class Some
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public const string Cip13 = "3400930270387";

    public const string Pharmacist = "Claire Martin";

    public const string Assistant = "Léo Petit";

    public const string Admin = "Admin Système";

    public const string Password = "mot-de-passe-solide-42";

    public static FakeTimeProvider Clock() => new(Today);

    /// <summary>A medicine box's DataMatrix of lot A53014 (the recalled one by default).</summary>
    public static string DataMatrix(string lot = "A53014", string serial = "7GH29KXW41Q") =>
        $"]d201{"0" + Cip13}17280229" + $"10{lot}\u001d21{serial}";

    public static RecallNotice Notice(string sourceId = "amlodipine-biogaran-5-mg", string title = "Amlodipine Biogaran 5 mg", RecallLevels levels = RecallLevels.Pharmacies) => new()
    {
        Source = "ansm",
        SourceId = sourceId,
        Title = title,
        Kind = NoticeKind.LotRecall,
        AlertNumber = "MED26/" + sourceId.Length,
        PublishedAt = Today,
        RecallLevels = levels,
        Reason = "Défaut qualité : <b>gélules</b> cassées",
        Actions = ["Mettre les lots en quarantaine", "Retourner au laboratoire"],
        Links = [new NoticeLink(new Uri("https://ansm.sante.fr/informations-de-securite/amlodipine"), "Avis ANSM")],
        Products =
        [
            new RecalledProduct(CodeScheme.Cip13, Cip13, "Amlodipine Biogaran 5 mg, 30 gélules", new LotSelector { Lots = [new LotEntry("A53014")] }),
        ],
    };
}
