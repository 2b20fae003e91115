using Microsoft.Extensions.Time.Testing;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Host.Tests.Support;

/// <summary>Test data that is valid unless a test says otherwise.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Today = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A real CIP13 (ANSM notice), the product of <see cref="Pack"/>.</summary>
    public const string Cip13 = "3400930270387";

    /// <summary>Another real CIP13, recalled by no test notice unless it says so.</summary>
    public const string OtherCip13 = "3400937944892";

    public static FakeTimeProvider Clock() => new(Today);

    /// <summary>A medicine pack's DataMatrix as typed on a command line, GS written as <c>\x1d</c>.</summary>
    public const string EscapedPack = @"]d2010340093027038717280229" + @"10A53014\x1d217GH29KXW41Q";

    /// <summary>The same pack as the scanner sends it.</summary>
    public const string Pack = "]d2010340093027038717280229" + "10A53014\u001d217GH29KXW41Q";

    /// <summary>A medicine pack's DataMatrix as a scanner sends it: ]d2 + 01 + 17 + 10 GS + 21.</summary>
    public static string DataMatrix(string lot = "A53014", string serial = "7GH29KXW41Q", string cip13 = Cip13, string expiry = "280229") =>
        $"]d201{"0" + cip13}17{expiry}10{lot}\u001d21{serial}";

    /// <summary>
    /// The ANSM lot recall of Amlodipine Biogaran 5 mg (<see cref="Cip13"/>), of <paramref name="lots"/> (A53014 when
    /// none are given).
    /// </summary>
    public static RecallNotice Notice(params string[] lots) => new()
    {
        Source = "ansm",
        SourceId = "amlodipine-biogaran-5-mg",
        Title = "Amlodipine Biogaran 5 mg",
        Kind = NoticeKind.LotRecall,
        AlertNumber = "MED26/A019/B018",
        PublishedAt = Today,
        RecallLevels = RecallLevels.Pharmacies | RecallLevels.Hospitals,
        Reason = "Défaut qualité",
        Actions = ["Retourner au laboratoire"],
        Links = [new NoticeLink(new Uri("https://ansm.sante.fr/informations-de-securite/amlodipine"), "Notice ANSM")],
        Products =
        [
            new RecalledProduct(CodeScheme.Cip13, Cip13, "Amlodipine Biogaran 5 mg, 30 gélules", new LotSelector
            {
                Lots = [.. (lots.Length == 0 ? ["A53014"] : lots).Select(l => new LotEntry(l))],
            }),
        ],
    };
}
