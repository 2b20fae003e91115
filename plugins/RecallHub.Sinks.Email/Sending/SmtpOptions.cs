using MimeKit;
using RecallHub.Abstractions.Plugins;

namespace RecallHub.Sinks.Email.Sending;

/// <summary>Where and how the sink sends its messages, read from the plugin's settings.</summary>
/// <param name="Host">The SMTP server.</param>
/// <param name="Port">Its port: by default 587 with STARTTLS, 465 with TLS, 25 without.</param>
/// <param name="Security">How the connection is protected; STARTTLS by default.</param>
/// <param name="UserName">The account, when the server needs one.</param>
/// <param name="Password">Its password, from an environment variable (<c>env:…</c>).</param>
/// <param name="CertificateSha256">
/// The hex SHA-256 of the server's certificate, to trust a self-signed one (a pharmacy's own relay); otherwise the
/// system's trust store decides.
/// </param>
/// <param name="From">The sender.</param>
/// <param name="To">The recipients.</param>
internal sealed record SmtpOptions(
    string Host,
    int Port,
    SmtpSecurity Security,
    string? UserName,
    string? Password,
    string? CertificateSha256,
    MailboxAddress From,
    IReadOnlyList<MailboxAddress> To)
{
    public static SmtpOptions Read(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string securityText = settings.GetString("security", "starttls")!;
        var security = securityText switch
        {
            "starttls" => SmtpSecurity.StartTls,
            "tls" => SmtpSecurity.Tls,
            "none" => SmtpSecurity.None,
            _ => throw new PluginConfigurationException($"Setting 'security' of plugin '{settings.PluginId}' is '{securityText}': expected starttls, tls or none."),
        };
        int port = settings.GetInt32("smtp_port", security switch { SmtpSecurity.Tls => 465, SmtpSecurity.None => 25, _ => 587 });
        if (port is < 1 or > 65535)
        {
            throw new PluginConfigurationException($"Setting 'smtp_port' of plugin '{settings.PluginId}' is {port}: a port is 1 to 65535.");
        }

        string? userName = settings.GetString("username", null);
        string? password = settings.Contains("password") ? settings.GetSecret("password") : null;
        if (userName is not null && password is null)
        {
            throw new PluginConfigurationException($"Plugin '{settings.PluginId}' has a 'username' but no 'password' (write \"password\": \"env:VARIABLE\").");
        }

        var to = settings.GetStrings("to");
        if (to.Count == 0)
        {
            throw new PluginConfigurationException($"Setting 'to' of plugin '{settings.PluginId}' is empty: name at least one recipient.");
        }

        return new SmtpOptions(
            settings.GetString("smtp_host"),
            port,
            security,
            userName,
            password,
            settings.GetString("server_certificate_sha256", null)?.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant(),
            Address(settings, "from", settings.GetString("from")),
            [.. to.Select((address, i) => Address(settings, $"to[{i}]", address))]);
    }

    private static MailboxAddress Address(PluginSettings settings, string name, string text) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address
            : throw new PluginConfigurationException($"Setting '{name}' of plugin '{settings.PluginId}' is '{text}': not an e-mail address (such as \"Pharmacie <rappels@exemple.fr>\").");
}
