namespace Retention.Domain.Customers;

/// <summary>A value with the purchase time it was taken from, so that a newer value can be told from an older one.</summary>
public sealed record Stamped<T>(T Value, DateTimeOffset At);
