using System.ComponentModel.DataAnnotations;

namespace Retention.Infrastructure.Storage;

/// <summary>
/// Settings under <c>Storage</c> (environment: <c>Storage__ConnectionString</c>, <c>Storage__TableEndpoint</c>, ...). Either a
/// connection string (Azurite, or an account with keys) or, on Azure where shared keys are off, <see cref="TableEndpoint"/>
/// with Microsoft Entra ID (the app's managed identity, or a developer's Azure CLI login).
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>The connection string used when nothing is configured: the local emulator (Azurite) on its standard ports.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>An Azure Storage connection string; the default is the local emulator (Azurite) on its standard ports.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DevelopmentConnectionString;

    /// <summary>
    /// <c>https://&lt;account&gt;.table.core.windows.net</c>: reach the tables with a token instead of a connection string.
    /// Set it and leave <see cref="ConnectionString"/> at its default; the account needs Storage Table Data Contributor for the identity.
    /// </summary>
    public string? TableEndpoint { get; set; }

    /// <summary>With <see cref="TableEndpoint"/>: the client id of a user-assigned managed identity; empty uses the default credential chain as it is.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table name, so that several stores (or tests) can share one account. Letters and digits only.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,29}$|^$", ErrorMessage = "Storage:TablePrefix must be empty or start with a letter and hold at most 30 letters and digits.")]
    public string TablePrefix { get; set; } = "";

    /// <summary>Whether the tables are reached through <see cref="TableEndpoint"/> with a token.</summary>
    public bool UsesTableEndpoint => !string.IsNullOrWhiteSpace(TableEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesTableEndpoint)
        {
            yield break;
        }
        // A changed connection string next to an endpoint is a mistake either way; the default one is what "unset" looks like.
        if (ConnectionString != DevelopmentConnectionString)
        {
            yield return new ValidationResult(
                "Set either Storage:ConnectionString or Storage:TableEndpoint (with a managed identity), not both.",
                [nameof(ConnectionString), nameof(TableEndpoint)]);
        }
        // Tokens are only ever sent over TLS (the Azure SDK refuses otherwise), so an http endpoint could never work.
        if (!Uri.TryCreate(TableEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            yield return new ValidationResult(
                $"Storage:TableEndpoint '{TableEndpoint}' must be an absolute https URI such as https://<account>.table.core.windows.net.",
                [nameof(TableEndpoint)]);
        }
    }
}
