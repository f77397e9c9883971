using System.Collections.Immutable;
using System.Globalization;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Purchases;
using Retention.Domain.Rewards;
using Retention.Domain.Tests.Support;

namespace Retention.Domain.Tests.Rewards;

/// <summary>
/// Customers, purchases, coupons and settings for the reward rules. Each test switches on only the programme it is
/// about (<c>RewardSettings.Off with { ... }</c>), so no other rule adds decisions.
/// </summary>
internal static class RewardData
{
    public static readonly CustomerId Customer = CustomerId.Parse("C-1");
    public static readonly CustomerId Friend = CustomerId.Parse("C-9");
    public static readonly CurrencyCode Usd = CurrencyCode.Parse("USD");

    /// <summary>Mid-month and in UTC, so day arithmetic meets no month end and message-id dates read as written here.</summary>
    public static readonly DateTimeOffset T0 = Sample.At("2025-01-15T10:00:00Z");

    public static readonly PurchaseLine Beans = new("SKU-BEANS", 2, 12.50m, "coffee", "Coffee beans");

    public static Money Dollars(string amount) => Sample.Money(amount, "USD");

    public static Purchase Purchase(string orderId, DateTimeOffset at, string total = "100.00", string currency = "USD", params string[] discountCodes) => new()
    {
        OrderId = OrderId.Parse(orderId),
        CustomerId = Customer,
        PurchasedAt = at,
        Total = Sample.Money(total, currency),
        Lines = [Beans],
        DiscountCodes = [.. discountCodes],
    };

    /// <summary>A source of fresh codes: CODE-1, CODE-2, ...</summary>
    public static Func<string, string> Codes()
    {
        var next = 0;
        return _ => "CODE-" + (++next).ToString(CultureInfo.InvariantCulture);
    }

    public static LoyaltyAccount Account(params Coupon[] coupons) => LoyaltyAccount.Empty(Customer) with { Coupons = [.. coupons] };

    /// <summary>A coupon issued a week before it expires; a redeemed one was used by order O-used.</summary>
    public static Coupon Coupon(
        string code, DateTimeOffset expiresAt, string source = "thank-you", decimal? percentOff = 15m, Money? amountOff = null, Money? minimumSpend = null,
        CouponState state = CouponState.Active) =>
        new(code, source, percentOff, amountOff, minimumSpend, expiresAt.AddDays(-7), expiresAt, state, state == CouponState.Redeemed ? OrderId.Parse("O-used") : null);

    public static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ImmutableArray<double> ParseGaps(string csv) =>
        [.. csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(g => double.Parse(g, CultureInfo.InvariantCulture))];

    /// <summary>
    /// One customer's orders and loyalty account, kept the way the ingest path keeps them: record the order, update the
    /// summary, then apply the ingest rules (at a purchase) or <see cref="IngestRules.OnOrderChanged"/> (at a refund or
    /// cancellation), feeding the returned account back.
    /// </summary>
    public sealed class Shopper(RewardSettings settings)
    {
        private readonly Dictionary<string, Order> _orders = [];
        private readonly Func<string, string> _codes = Codes();

        public RewardSettings Settings => settings;
        public CustomerSummary Summary { get; private set; } = CustomerSummary.Empty(Customer);
        public LoyaltyAccount Account { get; set; } = LoyaltyAccount.Empty(Customer);

        /// <summary>How many fresh codes the rules asked for.</summary>
        public int CodesIssued { get; private set; }

        /// <summary>Records the purchase and applies the ingest rules at <paramref name="now"/> (default: the moment of purchase).</summary>
        public PurchaseRewards Buy(Purchase purchase, DateTimeOffset? now = null, Referrer? referrer = null)
        {
            var at = now ?? purchase.PurchasedAt;
            var order = new Order { Purchase = purchase, RecordedAt = at };
            _orders[purchase.OrderId.Value] = order;
            Summary = Summary.Apply(order);
            return Apply(purchase, at, referrer);
        }

        public PurchaseRewards Buy(string orderId, DateTimeOffset at, string total = "100.00", params string[] discountCodes) =>
            Buy(Purchase(orderId, at, total, "USD", discountCodes));

        /// <summary>Buys orders O-1 to O-<paramref name="count"/>, one a day from <paramref name="start"/>; returns what each decided.</summary>
        public IReadOnlyList<PurchaseRewards> BuyMany(int count, DateTimeOffset start, string total = "100.00") =>
            [.. Enumerable.Range(1, count).Select(i => Buy("O-" + i.ToString(CultureInfo.InvariantCulture), start.AddDays(i - 1), total))];

        /// <summary>Applies the ingest rules to a purchase already recorded (a replay), with the account as it is now.</summary>
        public PurchaseRewards Apply(Purchase purchase, DateTimeOffset now, Referrer? referrer = null)
        {
            var result = IngestRules.OnPurchase(purchase, Summary, Account, referrer, now, settings, source =>
            {
                CodesIssued++;
                return _codes(source);
            });
            Account = result.Account;
            return result;
        }

        /// <summary>A refund an hour after the purchase, accepted.</summary>
        public void Refund(string orderId, string amount)
        {
            var order = _orders[orderId];
            var at = order.Purchase.PurchasedAt.AddHours(1);
            var refundId = RefundId.Parse("R-" + orderId + "-" + order.Refunds.Length.ToString(CultureInfo.InvariantCulture));
            Changed(Assert.IsType<RefundDecision.Accepted>(order.Refund(new RefundRequest(refundId, Sample.Amount(amount), at, null), at)).Order);
        }

        /// <summary>A cancellation an hour after the purchase, accepted.</summary>
        public void Cancel(string orderId)
        {
            var order = _orders[orderId];
            var at = order.Purchase.PurchasedAt.AddHours(1);
            Changed(Assert.IsType<CancelDecision.Accepted>(order.Cancel(new CancelRequest(at, null), at)).Order);
        }

        public Coupon CouponFrom(string source) => Assert.IsType<Coupon>(Account.CouponFrom(source));

        public ImmutableArray<Decision> Night(
            DateTimeOffset asOf, IReadOnlyDictionary<string, DateTimeOffset>? decided = null, Func<string, double?>? categoryGapDays = null,
            double? probabilityAlive = null) =>
            NightlyRules.Evaluate(Summary, Account, asOf, settings, decided ?? new Dictionary<string, DateTimeOffset>(), categoryGapDays ?? (_ => null),
                probabilityAlive);

        private void Changed(Order order)
        {
            _orders[order.OrderId.Value] = order;
            Summary = Summary.Apply(order);
            Account = IngestRules.OnOrderChanged(order.OrderId, Summary, Account, settings);
        }
    }
}
