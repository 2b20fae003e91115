namespace RecallHub.Sinks.Email.Sending;

/// <summary>How the connection to the SMTP server is protected.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS, which must succeed (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a relay on the same machine or a test server.</summary>
    None,
}
