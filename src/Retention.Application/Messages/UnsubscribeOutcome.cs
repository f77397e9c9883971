using Retention.Domain.Customers;

namespace Retention.Application.Messages;

/// <summary>The result and the language of the page to show.</summary>
public sealed record UnsubscribeOutcome(UnsubscribeResult Result, LocaleTag? Locale);
