namespace Retention.Application.Messages;

/// <summary>
/// Why a message from the queue cannot be processed, ever: it is dead-lettered with <see cref="Reason"/> as the
/// dead-letter reason (a short code) and <see cref="Description"/> as the error description (which field, what is wrong).
/// </summary>
public sealed record MessageRejection(string Reason, string Description)
{
    public const string InvalidJson = "invalid-json";
    public const string UnsupportedSchemaVersion = "unsupported-schema-version";
    public const string UnknownType = "unknown-type";
    public const string InvalidMessage = "invalid-message";
}
