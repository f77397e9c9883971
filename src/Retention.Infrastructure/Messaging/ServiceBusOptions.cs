using System.ComponentModel.DataAnnotations;

namespace Retention.Infrastructure.Messaging;

/// <summary>
/// Settings under <c>ServiceBus</c>. Either <see cref="ConnectionString"/> (the local broker, Microsoft's emulator,
/// or a namespace with a key) or <see cref="FullyQualifiedNamespace"/> with a managed identity (Azure; no secret).
/// With neither, messaging is off: the dispatcher does not run and publishing fails with a message naming these settings.
/// </summary>
public sealed class ServiceBusOptions : IValidatableObject
{
    public const string Section = "ServiceBus";

    public string? ConnectionString { get; set; }

    /// <summary>Such as <c>retention-sb.servicebus.windows.net</c>; used with the app's managed identity.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The client id of the user-assigned managed identity; empty for the system-assigned one or a developer's login.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "ServiceBus:QueueName is required.")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,259}$", ErrorMessage = "ServiceBus:QueueName must be a queue name such as retention-messages.")]
    public string QueueName { get; set; } = "retention-messages";

    /// <summary>How long one receive waits for messages before the dispatcher decides the queue is empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "ServiceBus:ReceiveWait must be from 0.1 s to 1 min, such as 00:00:02.")]
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(2);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(FullyQualifiedNamespace);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) && !string.IsNullOrWhiteSpace(FullyQualifiedNamespace))
        {
            yield return new ValidationResult(
                "Set either ServiceBus:ConnectionString or ServiceBus:FullyQualifiedNamespace, not both.",
                [nameof(ConnectionString), nameof(FullyQualifiedNamespace)]);
        }
        if (!string.IsNullOrWhiteSpace(FullyQualifiedNamespace) && FullyQualifiedNamespace.Contains("://", StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                "ServiceBus:FullyQualifiedNamespace is a host name such as retention-sb.servicebus.windows.net, without a scheme.",
                [nameof(FullyQualifiedNamespace)]);
        }
    }
}
