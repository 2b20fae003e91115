using System.Text;
using CsCheck;
using RecallHub.Sinks.Lgo.FileDrop;
using RecallHub.Sinks.Lgo.Tests.Support;

namespace RecallHub.Sinks.Lgo.Tests.FileDrop;

public sealed class BlockedCodesCsvTests
{
    private static BlockedCode Code(string? lot = "A53014", string? title = "Amlodipine Biogaran 5 mg", string? message = "Ne pas délivrer") =>
        new(7, "03400930270387", "3400930270387", lot, "7GH29KXW41Q", new DateOnly(2028, 2, 29), 1, "MED26/A019/B018", title, Some.Now, message, "comptoir-1", "e1");

    [Fact]
    public void TheFile_IsUtf8WithBom_SemicolonSeparated_WithAHeaderAndCrlf()
    {
        byte[] bytes = BlockedCodesCsv.Render([Code()]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Equal(
            "block_id;gtin;cip13;lot;serial;expiry;recall_id;alert_number;recall_title;since;message;workstation\r\n"
            + "7;03400930270387;3400930270387;A53014;7GH29KXW41Q;2028-02-29;1;MED26/A019/B018;Amlodipine Biogaran 5 mg;2026-11-22T09:30:00Z;Ne pas délivrer;comptoir-1\r\n",
            text);
    }

    [Fact]
    public void FieldsWithSeparatorsQuotesOrLineBreaks_AreQuoted()
    {
        var rows = CsvFile.Read(BlockedCodesCsv.Render([Code(title: "Doliprane; 1000 mg \"adulte\"", message: "Ligne 1\r\nLigne 2")]));

        Assert.Equal("Doliprane; 1000 mg \"adulte\"", rows[1][8]);
        Assert.Equal("Ligne 1\r\nLigne 2", rows[1][10]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1")]
    public void TextThatWouldRunAsAFormula_IsPrefixedWithAQuote(string text)
    {
        var rows = CsvFile.Read(BlockedCodesCsv.Render([Code(lot: text, title: text, message: text)]));

        Assert.All(new[] { rows[1][3], rows[1][8], rows[1][10] }, cell => Assert.Equal("'" + text, cell));
    }

    [Fact]
    public void UnknownValues_AreEmptyCells()
    {
        var rows = CsvFile.Read(BlockedCodesCsv.Render([Code(lot: null, title: null, message: null)]));

        Assert.Equal(12, rows[1].Length);
        Assert.Equal(("", "", ""), (rows[1][3], rows[1][8], rows[1][10]));
    }

    [Fact]
    public void AnyText_ReadsBackAsWritten_AndNeverStartsAFormula()
    {
        Gen.String[Gen.Char[" \t\r\n;\"'=+-@aé0"], 0, 12].Sample(text =>
        {
            string read = CsvFile.Read(BlockedCodesCsv.Render([Code(message: text)]))[1][10];
            bool guarded = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            Assert.Equal(guarded ? "'" + text : text, read);
            Assert.False(read.Length > 0 && read[0] is '=' or '+' or '-' or '@');
        });
    }
}
