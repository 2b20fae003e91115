using System.Text.RegularExpressions;
using RecallHub.Abstractions.Notices;

namespace RecallHub.Sources.Ansm.Text;

/// <summary>
/// Reads how deep a recall goes from the sentence that says it: <c>Niveau de rappel : officines, établissements de
/// santé, circuit de distribution pharmaceutique et patients</c>, <c>Rappel n° R2619855 destiné aux pharmacies
/// d'usage intérieur</c>, <c>En direct auprès des établissements de santé concernés et des patients</c>.
/// </summary>
internal static partial class RecallLevelReader
{
    /// <summary>The recall-level sentence among <paramref name="paragraphs"/>, or <see langword="null"/>.</summary>
    public static string? FindSentence(IEnumerable<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        string? fallback = null;
        foreach (string paragraph in paragraphs)
        {
            var level = LevelSentence().Match(paragraph);
            if (level.Success)
            {
                return FrenchText.Squeeze(level.Groups["levels"].Value);
            }

            string folded = FrenchText.Fold(paragraph);
            if (fallback is null && (folded.StartsWith("en direct aupres", StringComparison.Ordinal) || DestinedTo().IsMatch(folded)))
            {
                fallback = FrenchText.Squeeze(paragraph);
            }
        }

        return fallback;
    }

    /// <summary>The levels a recall-level sentence names; <see cref="RecallLevels.None"/> when it names none.</summary>
    public static RecallLevels Read(string? sentence)
    {
        if (string.IsNullOrWhiteSpace(sentence))
        {
            return RecallLevels.None;
        }

        string folded = FrenchText.Fold(sentence);
        var levels = RecallLevels.None;
        if (folded.Contains("officine", StringComparison.Ordinal))
        {
            levels |= RecallLevels.Pharmacies;
        }

        if (Hospitals().IsMatch(folded))
        {
            levels |= RecallLevels.Hospitals;
        }

        if (Wholesalers().IsMatch(folded))
        {
            levels |= RecallLevels.Wholesalers;
        }

        if (folded.Contains("patient", StringComparison.Ordinal))
        {
            levels |= RecallLevels.Patients;
        }

        return levels;
    }

    [GeneratedRegex(@"niveau\s+de\s+rappel\s*:?\s*(?<levels>[^\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LevelSentence();

    [GeneratedRegex(@"^rappel\s+n\s*°.*\bdestine")]
    private static partial Regex DestinedTo();

    [GeneratedRegex(@"etablissements?\s+de\s+sante|usage\s+interieur|\bpui\b|hopita|etablissements?\s+concernes|etablissements?\s+destinataires")]
    private static partial Regex Hospitals();

    [GeneratedRegex(@"distribution|grossiste|depositaire")]
    private static partial Regex Wholesalers();
}
