namespace Retention.Infrastructure.Email;

/// <summary>How the SMTP connection is secured (the <c>Email:Smtp:Security</c> setting).</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain text. Only for a server on this machine (MailDev, the test sink).</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; fail if the server does not offer it (ACS relay: port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on connect for port 465, otherwise STARTTLS when the server offers it, else plain text.</summary>
    Auto,
}
