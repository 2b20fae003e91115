using RecallHub.Abstractions.Identifiers.Gs1;

namespace RecallHub.Abstractions.Tests.Identifiers.Gs1;

public sealed class Gs1LinterDescriptionsTests
{
    [Fact]
    public void EveryRule_IsDescribedInWordsNotByItsName()
    {
        foreach (var linter in Enum.GetValues<Gs1Linter>())
        {
            string description = Gs1LinterDescriptions.Describe(linter);
            Assert.NotEqual(linter.ToString(), description);
            Assert.Contains(" ", description, StringComparison.Ordinal);
            Assert.False(char.IsUpper(description[0]), $"'{description}' continues a sentence, so starts in lower case");
        }
    }
}
