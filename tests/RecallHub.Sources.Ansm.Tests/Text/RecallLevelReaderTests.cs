using RecallHub.Abstractions.Notices;
using RecallHub.Sources.Ansm.Text;

namespace RecallHub.Sources.Ansm.Tests.Text;

public sealed class RecallLevelReaderTests
{
    private const RecallLevels P = RecallLevels.Pharmacies;
    private const RecallLevels H = RecallLevels.Hospitals;
    private const RecallLevels W = RecallLevels.Wholesalers;
    private const RecallLevels Pt = RecallLevels.Patients;

    // Real recall-level sentences (recallrx data).
    [Theory]
    [InlineData("officines, établissements de santé et circuit de distribution pharmaceutique", P | H | W)]
    [InlineData("Officines, établissements de santé, circuit de distribution pharmaceutique et patients", P | H | W | Pt)]
    [InlineData("officines et circuit de distribution pharmaceutique", P | W)]
    [InlineData("En direct auprès des établissements de santé concernés et des patients", H | Pt)]
    [InlineData("en direct auprès des établissements concernés", H)]
    [InlineData("Rappel n° R2619855 destiné aux pharmacies d'usage intérieur", H)]
    [InlineData("", RecallLevels.None)]
    public void Read_NamesEveryLevel(string sentence, RecallLevels expected) => Assert.Equal(expected, RecallLevelReader.Read(sentence));

    [Fact]
    public void FindSentence_TakesWhatFollowsNiveauDeRappel()
    {
        string? sentence = RecallLevelReader.FindSentence(["Le laboratoire procède au rappel.", "Niveau de rappel : officines et patients"]);

        Assert.Equal("officines et patients", sentence);
    }
}
