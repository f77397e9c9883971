using System.Diagnostics.CodeAnalysis;

namespace Retention.Infrastructure.Email;

/// <summary>
/// An Azure Communication Services connection string, <c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;</c>
/// (keys in any case and order, as the portal and the SDKs accept them). The key is a secret: nothing here prints it.
/// </summary>
internal sealed class AcsConnectionString
{
    private AcsConnectionString(Uri endpoint, byte[] accessKey)
    {
        Endpoint = endpoint;
        AccessKey = accessKey;
    }

    public Uri Endpoint { get; }

    /// <summary>The decoded access key, the HMAC-SHA256 key that signs requests.</summary>
    public byte[] AccessKey { get; }

    /// <summary>Parses a connection string; on failure <paramref name="error"/> says what is wrong without echoing the key.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out AcsConnectionString? connectionString, [NotNullWhen(false)] out string? error)
    {
        connectionString = null;
        string? endpoint = null;
        string? accessKey = null;
        foreach (var part in (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: a base64 key ends in '=' padding.
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "must have the form endpoint=https://<resource>.communication.azure.com/;accesskey=<key>.";
                return false;
            }
            var name = part[..equals].Trim();
            var partValue = part[(equals + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
            {
                endpoint = partValue;
            }
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
            {
                accessKey = partValue;
            }
        }

        if (string.IsNullOrEmpty(endpoint) || string.IsNullOrEmpty(accessKey))
        {
            error = "must have the form endpoint=https://<resource>.communication.azure.com/;accesskey=<key> (both parts are required).";
            return false;
        }
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
        {
            error = "has an endpoint that is not an absolute URI; expected https://<resource>.communication.azure.com/.";
            return false;
        }
        var keyBytes = new byte[accessKey.Length];
        if (!Convert.TryFromBase64String(accessKey, keyBytes, out var keyLength) || keyLength == 0)
        {
            error = "has an accesskey that is not valid base64; copy the key from the Communication Services resource (Settings > Keys).";
            return false;
        }

        connectionString = new AcsConnectionString(endpointUri, keyBytes[..keyLength]);
        error = null;
        return true;
    }
}
