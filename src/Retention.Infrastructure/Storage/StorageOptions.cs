using System.ComponentModel.DataAnnotations;

namespace Retention.Infrastructure.Storage;

/// <summary>Settings under <c>Storage</c> (environment: <c>Storage__ConnectionString</c>, <c>Storage__TablePrefix</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>An Azure Storage connection string; the default is the local emulator (Azurite) on its standard ports.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Prepended to every table name, so that several stores (or tests) can share one account. Letters and digits only.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,29}$|^$", ErrorMessage = "Storage:TablePrefix must be empty or start with a letter and hold at most 30 letters and digits.")]
    public string TablePrefix { get; set; } = "";
}
