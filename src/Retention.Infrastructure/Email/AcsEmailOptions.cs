using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Retention.Infrastructure.Email;

/// <summary>
/// Settings under <c>Email:Acs</c> (environment: <c>Email__Acs__ConnectionString</c>, <c>Email__Acs__Endpoint</c>, ...) for sending
/// through the Azure Communication Services Email REST API. Set exactly one of <see cref="ConnectionString"/> (access key, HMAC-signed
/// requests) or <see cref="Endpoint"/> (Microsoft Entra ID: managed identity, workload identity, Azure CLI login, ...).
/// </summary>
public sealed class AcsEmailOptions : IValidatableObject
{
    public const string Section = "Email:Acs";

    /// <summary>
    /// The default REST API version: 2025-09-01, the first generally available version whose attachments carry a <c>contentId</c>
    /// (inline images). 2023-03-31 also works; it sends inline images as ordinary attachments.
    /// </summary>
    public const string DefaultApiVersion = "2025-09-01";

    /// <summary>The oldest API version whose request body (<c>senderAddress</c>, <c>contentInBase64</c>) this client writes.</summary>
    internal static readonly DateOnly OldestApiVersion = new(2023, 3, 31);

    /// <summary>The first API version (2024-07-01-preview) whose attachments have a <c>contentId</c>.</summary>
    internal static readonly DateOnly FirstInlineAttachmentApiVersion = new(2024, 7, 1);

    /// <summary><c>endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64 key&gt;</c>. A secret: keep it in Key Vault or user secrets.</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>https://&lt;resource&gt;.communication.azure.com</c>; requests then carry a Microsoft Entra ID bearer token.</summary>
    public string? Endpoint { get; set; }

    /// <summary>With <see cref="Endpoint"/>: the client id of a user-assigned managed identity; empty uses the default credential chain as it is.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The <c>api-version</c> query parameter, <c>yyyy-MM-dd</c> or <c>yyyy-MM-dd-preview</c>, 2023-03-31 or later.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Email:Acs:ApiVersion must not be empty (default " + DefaultApiVersion + ").")]
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$", ErrorMessage = "Email:Acs:ApiVersion must look like 2025-09-01 or 2024-07-01-preview.")]
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>How long one request may take before it counts as a transient failure. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Email:Acs:RequestTimeout must be between 00:00:01 and 00:05:00.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The date part of <see cref="ApiVersion"/>, or null when it is not a date.</summary>
    internal DateOnly? ApiVersionDate =>
        ApiVersion is { Length: >= 10 }
        && DateOnly.TryParseExact(ApiVersion.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    /// <summary>Whether <see cref="ApiVersion"/> accepts <c>contentId</c> on attachments (2024-07-01-preview and later).</summary>
    internal bool SupportsInlineAttachments => ApiVersionDate >= FirstInlineAttachmentApiVersion;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(ConnectionString);
        var hasEndpoint = !string.IsNullOrWhiteSpace(Endpoint);
        if (hasConnectionString && hasEndpoint)
        {
            yield return new ValidationResult(
                "Set either Email:Acs:ConnectionString (access key) or Email:Acs:Endpoint (Microsoft Entra ID), not both.",
                [nameof(ConnectionString), nameof(Endpoint)]);
        }
        else if (!hasConnectionString && !hasEndpoint)
        {
            yield return new ValidationResult(
                "Email:Provider is acs, so set Email:Acs:ConnectionString (endpoint=https://<resource>.communication.azure.com/;accesskey=<key>) "
                + "or Email:Acs:Endpoint (https://<resource>.communication.azure.com, signs in with Microsoft Entra ID).",
                [nameof(ConnectionString), nameof(Endpoint)]);
        }
        else if (hasConnectionString)
        {
            if (!AcsConnectionString.TryParse(ConnectionString, out var parsed, out var error))
            {
                yield return new ValidationResult($"Email:Acs:ConnectionString {error}", [nameof(ConnectionString)]);
            }
            else if (!IsHttps(parsed.Endpoint))
            {
                yield return new ValidationResult(
                    "Email:Acs:ConnectionString has an endpoint that is not https; expected https://<resource>.communication.azure.com/.",
                    [nameof(ConnectionString)]);
            }
            if (!string.IsNullOrWhiteSpace(ManagedIdentityClientId))
            {
                yield return new ValidationResult(
                    "Email:Acs:ManagedIdentityClientId applies only with Email:Acs:Endpoint (Microsoft Entra ID), not with a connection string.",
                    [nameof(ManagedIdentityClientId)]);
            }
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || !IsHttps(endpoint))
        {
            yield return new ValidationResult(
                "Email:Acs:Endpoint must be an absolute https URI such as https://<resource>.communication.azure.com.",
                [nameof(Endpoint)]);
        }

        if (ApiVersionDate is not { } version)
        {
            yield return new ValidationResult("Email:Acs:ApiVersion must start with a valid date, such as 2025-09-01.", [nameof(ApiVersion)]);
        }
        else if (version < OldestApiVersion)
        {
            yield return new ValidationResult(
                $"Email:Acs:ApiVersion must be 2023-03-31 or later (older versions use another request body); the default is {DefaultApiVersion}.",
                [nameof(ApiVersion)]);
        }
    }

    private static bool IsHttps(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
