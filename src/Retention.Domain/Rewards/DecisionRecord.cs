using Retention.Domain.Customers;

namespace Retention.Domain.Rewards;

/// <summary>One decision of a programme as the nightly uplift sees it.</summary>
/// <param name="Programme">The message type's name (<c>win-back</c>, ...).</param>
/// <param name="DecidedAt">When the decision was made: conversion is counted from here.</param>
/// <param name="HeldOut">The customer is in the holdout group: nothing was sent.</param>
/// <param name="Sent">An email was sent for it (false for held-out, skipped or not yet dispatched decisions).</param>
public sealed record DecisionRecord(CustomerId CustomerId, string MessageId, string Programme, DateTimeOffset DecidedAt, bool HeldOut, bool Sent);
