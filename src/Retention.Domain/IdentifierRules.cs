namespace Retention.Domain;

/// <summary>Rules shared by the identifiers a storefront sends us (order, customer and refund ids).</summary>
internal static class IdentifierRules
{
    public const int MaxLength = 128;

    public static FieldError? Check(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new FieldError("is required and must not be empty");
        }
        if (value.Length > MaxLength)
        {
            return new FieldError($"must be at most {MaxLength} characters (got {value.Length})");
        }
        if (value.Any(char.IsControl))
        {
            return new FieldError("must not contain control characters");
        }
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return new FieldError("must not start or end with white space");
        }
        return null;
    }
}
