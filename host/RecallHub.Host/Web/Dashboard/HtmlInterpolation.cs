using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace RecallHub.Host.Web.Dashboard;

/// <summary>Builds <see cref="Html"/> from an interpolated string: literals as written, holes HTML-encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlInterpolation
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");
    private readonly StringBuilder _builder;

    public HtmlInterpolation(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + (formattedCount * 16));
    }

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted(Html value) => _builder.Append(value.Value);

    public readonly void AppendFormatted(IEnumerable<Html> values)
    {
        foreach (var value in values)
        {
            _builder.Append(value.Value);
        }
    }

    public readonly void AppendFormatted(string? value) => _builder.Append(HtmlText.Encoder.Encode(value ?? ""));

    public readonly void AppendFormatted<T>(T value, string? format = null)
    {
        string text = value switch
        {
            null => "",
            IFormattable formattable => formattable.ToString(format, French),
            _ => value.ToString() ?? "",
        };
        _builder.Append(HtmlText.Encoder.Encode(text));
    }

    public readonly string Build() => _builder.ToString();
}
