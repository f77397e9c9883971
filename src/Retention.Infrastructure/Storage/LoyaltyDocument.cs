using System.Collections.Immutable;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;
using Retention.Domain.Rewards;

namespace Retention.Infrastructure.Storage;

/// <summary>The stored JSON form of a <see cref="LoyaltyAccount"/>.</summary>
internal sealed record LoyaltyDocument(
    int Version,
    string CustomerId,
    string? ReferralCode,
    string? ReferredBy,
    ImmutableArray<string> Referred,
    ImmutableArray<LoyaltyDocument.CouponDocument> Coupons,
    string? NotifiedTier,
    string? LastOrderId,
    DateTimeOffset? LastOrderAt,
    ImmutableArray<LoyaltyDocument.ItemDocument> LastOrderItems,
    ImmutableArray<string> LastOrderCategories)
{
    public const int CurrentVersion = 1;

    public sealed record CouponDocument(
        string Code, string Source, decimal? PercentOff, decimal? AmountOff, decimal? MinimumSpend, string? Currency,
        DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, CouponState State, string? RedeemedBy);

    public sealed record ItemDocument(string Name, int Quantity, string? Sku);

    public static LoyaltyDocument From(LoyaltyAccount a) => new(
        CurrentVersion, a.CustomerId.Value, a.ReferralCode, a.ReferredBy?.Value, [.. a.Referred.Select(r => r.Value)],
        [.. a.Coupons.Select(c => new CouponDocument(c.Code, c.Source, c.PercentOff, c.AmountOff?.Amount, c.MinimumSpend?.Amount,
            (c.AmountOff ?? c.MinimumSpend)?.Currency.Code, c.IssuedAt, c.ExpiresAt, c.State, c.RedeemedBy?.Value))],
        a.NotifiedTier, a.LastOrderId?.Value, a.LastOrderAt, [.. a.LastOrderItems.Select(i => new ItemDocument(i.Name, i.Quantity, i.Sku))],
        a.LastOrderCategories);

    public LoyaltyAccount ToAccount() => Version != CurrentVersion
        ? throw new InvalidDataException($"Loyalty account format version {Version} is not supported.")
        : new LoyaltyAccount
        {
            CustomerId = Domain.Customers.CustomerId.Parse(CustomerId),
            ReferralCode = ReferralCode,
            ReferredBy = ReferredBy is null ? null : Domain.Customers.CustomerId.Parse(ReferredBy),
            Referred = [.. Referred.Select(Domain.Customers.CustomerId.Parse)],
            Coupons = [.. Coupons.Select(c =>
            {
                var currency = c.Currency is null ? (CurrencyCode?)null : CurrencyCode.Parse(c.Currency);
                return new Coupon(c.Code, c.Source, c.PercentOff,
                    c.AmountOff is { } off ? new Money(off, currency!.Value) : null,
                    c.MinimumSpend is { } min ? new Money(min, currency!.Value) : null,
                    c.IssuedAt, c.ExpiresAt, c.State, c.RedeemedBy is null ? null : OrderId.Parse(c.RedeemedBy));
            })],
            NotifiedTier = NotifiedTier,
            LastOrderId = LastOrderId is null ? null : OrderId.Parse(LastOrderId),
            LastOrderAt = LastOrderAt,
            LastOrderItems = [.. LastOrderItems.Select(i => new MessageItem(i.Name, i.Quantity, i.Sku))],
            LastOrderCategories = LastOrderCategories,
        };
}
