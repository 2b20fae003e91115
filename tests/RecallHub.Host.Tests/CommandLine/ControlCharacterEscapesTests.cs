using RecallHub.Host.CommandLine;

namespace RecallHub.Host.Tests.CommandLine;

public sealed class ControlCharacterEscapesTests
{
    [Theory]
    [InlineData(@"10A\x1d21B", "10A\u001d21B")]
    [InlineData(@"[)>\x1e06\x1d9N110375286414\x1e\x04", "[)>\u001e06\u001d9N110375286414\u001e\u0004")]
    [InlineData(@"a\\b", @"a\b")]
    [InlineData(@"\X1D", "\u001d")]
    [InlineData("plain", "plain")]
    public void Unescape_TurnsEscapesIntoControlCharacters(string text, string expected) =>
        Assert.Equal(expected, ControlCharacterEscapes.Unescape(text));

    [Theory]
    [InlineData(@"10A\q", 3)]
    [InlineData(@"10A\x1", 3)]
    [InlineData(@"10A\xZZ", 3)]
    [InlineData(@"\", 0)]
    public void Unescape_SaysWhereAnUnknownEscapeIs(string text, int position)
    {
        var error = Assert.Throws<FormatException>(() => ControlCharacterEscapes.Unescape(text));
        Assert.Contains($"position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_NamesControlCharacters()
    {
        Assert.Equal("[)><RS>06<GS>1TA<RS><EOT><x07>", ControlCharacterEscapes.Show("[)>\u001e06\u001d1TA\u001e\u0004\u0007"));
        Assert.Equal(6, ControlCharacterEscapes.ShownPosition("A\u001dB\u001dC", 3));
    }
}
