
namespace RecallHub.Host.Web.Dashboard;

/// <summary>
/// A fragment of HTML that is safe to write as it is. Fragments are built with <see cref="Of"/>, whose interpolation
/// holes are encoded unless they are fragments themselves: data from notices, scans or forms cannot inject markup.
/// </summary>
internal readonly record struct Html(string Value)
{
    public static Html Empty { get; } = new("");

    public static Html Of(ref HtmlInterpolation html) => new(html.Build());

    /// <summary>Encoded text.</summary>
    public static Html Text(string? text) => new(HtmlText.Encoder.Encode(text ?? ""));

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Html When(bool condition, Html html) => condition ? html : Empty;

    public override string ToString() => Value;
}
