using System.Text.Json.Serialization;

namespace Retention.Infrastructure.Email;

// The JSON of the ACS Email REST API (Email_Send, api-version 2023-03-31 and later), only the fields we use.

/// <summary>The body of <c>POST /emails:send</c>.</summary>
internal sealed record AcsSendRequest(
    string SenderAddress,
    AcsEmailContent Content,
    AcsRecipients Recipients,
    IReadOnlyList<AcsAttachment>? Attachments,
    IReadOnlyDictionary<string, string>? Headers = null);

internal sealed record AcsEmailContent(string Subject, string? PlainText, string? Html);

internal sealed record AcsRecipients(IReadOnlyList<AcsAddress> To);

internal sealed record AcsAddress(string Address);

/// <summary>An attachment; <see cref="ContentInBase64"/> is serialised as base64 by System.Text.Json. <see cref="ContentId"/>: 2024-07-01-preview and later.</summary>
internal sealed record AcsAttachment(string Name, string ContentType, byte[] ContentInBase64, string? ContentId);

/// <summary>The 202 body: the operation's id and status.</summary>
internal sealed record AcsOperationStatus(string? Id, string? Status);

/// <summary>The error body of every non-2xx answer (Azure's common ErrorResponse).</summary>
internal sealed record AcsErrorResponse(AcsError? Error);

internal sealed record AcsError(string? Code, string? Message);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcsSendRequest))]
[JsonSerializable(typeof(AcsOperationStatus))]
[JsonSerializable(typeof(AcsErrorResponse))]
internal sealed partial class AcsJsonContext : JsonSerializerContext;
