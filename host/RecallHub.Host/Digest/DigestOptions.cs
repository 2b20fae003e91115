using System.Globalization;

namespace RecallHub.Host.Digest;

/// <summary>The daily digest's settings, from <c>Hub:Digest</c> in the configuration.</summary>
/// <param name="Time">When the digest is sent each day, Europe/Paris time; default 07:30 (<c>Hub:Digest:Time</c>).</param>
/// <param name="DashboardUrl">The dashboard the links open; default <c>http://127.0.0.1:5080</c> (<c>Hub:Digest:DashboardUrl</c>).</param>
/// <param name="PharmacyName">Named in the subject and the greeting; default "Votre pharmacie" (<c>Hub:Digest:PharmacyName</c>).</param>
internal sealed record DigestOptions(TimeOnly Time, Uri DashboardUrl, string PharmacyName)
{
    /// <summary>
    /// Whether <c>recallhub run</c> schedules the digest and catches it up at start; default <see langword="true"/>
    /// (<c>Hub:Digest:Enabled</c>). <c>recallhub digest</c> works either way.
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The configuration section.</summary>
    public const string Section = "Hub:Digest";

    /// <summary>The defaults: 07:30, the hub on loopback, no pharmacy name.</summary>
    public static DigestOptions Default { get; } = new(new TimeOnly(7, 30), new Uri("http://127.0.0.1:5080"), "Votre pharmacie");

    /// <summary>Reads <c>Hub:Digest</c>; what is missing keeps its default.</summary>
    /// <exception cref="InvalidOperationException">A value is there but unreadable: the message names the setting.</exception>
    public static DigestOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var options = Default;
        if (section["Time"] is { Length: > 0 } time)
        {
            options = TimeOnly.TryParseExact(time, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                ? options with { Time = at }
                : throw new InvalidOperationException($"{Section}:Time is '{time}'; expected a time of day such as 07:30 (Europe/Paris).");
        }

        if (section["DashboardUrl"] is { Length: > 0 } url)
        {
            options = Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? options with { DashboardUrl = uri }
                : throw new InvalidOperationException($"{Section}:DashboardUrl is '{url}'; expected an absolute http(s) URL such as https://recallhub.pharmacie.fr.");
        }

        if (section["Enabled"] is { Length: > 0 } enabled)
        {
            options = bool.TryParse(enabled, out bool on)
                ? options with { Enabled = on }
                : throw new InvalidOperationException($"{Section}:Enabled is '{enabled}'; expected true or false.");
        }

        if (section["PharmacyName"] is { Length: > 0 } name)
        {
            options = options with { PharmacyName = name.Trim() };
        }

        return options;
    }

    /// <summary>A link to a page of the dashboard (<c>recalls/12</c>, <c>blocks</c>, <c>status</c>).</summary>
    public string Link(string path) => DashboardUrl.AbsoluteUri.TrimEnd('/') + "/" + path;
}
