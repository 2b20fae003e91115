using System.Net.Security;
using System.Security.Cryptography;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace RecallHub.Sinks.Email.Sending;

/// <summary>Sends messages over one SMTP connection per batch of events.</summary>
internal sealed class SmtpMailer(SmtpOptions options)
{
    /// <summary>Connects, authenticates when configured, sends every message, and disconnects.</summary>
    /// <param name="messages">The messages; each is sent once, in order.</param>
    /// <param name="sent">Called after each message the server accepted, so that a failure halfway keeps what went through.</param>
    /// <param name="cancellationToken">Cancels the conversation.</param>
    public async Task SendAsync(IReadOnlyList<MimeMessage> messages, Func<MimeMessage, ValueTask> sent, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient();
        if (options.CertificateSha256 is { } pin)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == pin);
        }

        var socket = options.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.None => SecureSocketOptions.None,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host, options.Port, socket, cancellationToken).ConfigureAwait(false);
        if (options.UserName is not null)
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken).ConfigureAwait(false);
        }

        foreach (var message in messages)
        {
            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await sent(message).ConfigureAwait(false);
        }

        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}
