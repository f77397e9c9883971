using System.ComponentModel.DataAnnotations;

namespace Retention.Api.Hosting;

/// <summary>
/// Settings under <c>Api</c> for the local host. On Azure the Functions host checks function keys itself and
/// these settings are not used.
/// </summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>The documented key for local development. Never use it on a machine others can reach.</summary>
    public const string DevelopmentKey = "local-dev-key";

    /// <summary>The key callers send as <c>x-functions-key</c> or <c>?code=</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Api:Key must not be empty.")]
    [MinLength(8, ErrorMessage = "Api:Key must be at least 8 characters.")]
    public string Key { get; set; } = DevelopmentKey;
}
