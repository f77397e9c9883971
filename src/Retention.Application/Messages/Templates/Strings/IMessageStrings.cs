using System.Globalization;

namespace Retention.Application.Messages.Templates.Strings;

/// <summary>
/// Everything a customer email or unsubscribe page says, in one language. Each language lives in one file
/// (<c>En.cs</c>, <c>Hi.cs</c>, <c>Fa.cs</c>, <c>Gu.cs</c>, <c>Bn.cs</c>) so a translator can review it in one place.
/// Every sentence is a whole template with named slots, so each language keeps its own word order.
/// </summary>
/// <remarks>
/// Slots arrive already formatted for the language: numbers, dates, amounts and percentages use its digits and
/// calendar (see <see cref="TemplateLocale"/>). Store names, item names, tier names, order numbers and coupon codes
/// arrive exactly as the store wrote them and must never be translated or transliterated.
/// </remarks>
internal interface IMessageStrings
{
    /// <summary>The ISO 639-1 language subtag, such as <c>fa</c>.</summary>
    string Language { get; }

    /// <summary>The culture for numbers and dates when the customer's own tag does not name a known one.</summary>
    string DefaultCulture { get; }

    bool RightToLeft { get; }

    /// <summary>The zero of the digits numbers are written with, or null for 0–9.</summary>
    char? NativeZero { get; }

    /// <summary>CSS font-family stack (names in single quotes): a font made for the script first, then system fonts.</summary>
    string FontFamily { get; }

    /// <summary>A long, unambiguous date pattern without the weekday.</summary>
    string DatePattern(CultureInfo culture);

    // Shared pieces
    string Greeting(string? firstName);
    /// <summary>Up to three item names, then "and N more" when <paramref name="more"/> is above zero.</summary>
    string ItemList(IReadOnlyList<string> names, Count more);
    string OrderItems(string items);
    string PointsBalance(Count balance);
    string CurrentTier(string tier);
    string ShopButton { get; }
    string VisitShopButton { get; }
    string OrderAgainButton { get; }
    string ReviewButton { get; }

    // Coupon box
    string CouponLabel { get; }
    string CouponDiscount(string value);
    string CouponMinimumSpend(string amount);
    string CouponValidUntil(string date);
    string CouponHint { get; }

    // thank-you
    string ThankYouSubject(string discount);
    string ThankYouHeading { get; }
    string ThankYouForItems(string store, string items);
    string ThankYouForShopping(string store);
    string ThankYouCoupon(string discount);

    // milestone-reward
    string MilestoneSubject(Count orders);
    string MilestoneHeading { get; }
    string MilestoneOrders(string store, Count orders);
    string MilestoneCoupon(string discount);

    // points-earned
    string PointsEarnedSubject(Count points);
    string PointsEarnedHeading { get; }
    string PointsEarnedForOrder(string order, Count points);
    string PointsEarnedForLatestOrder(Count points);

    // tier-upgrade
    string TierUpgradeSubject(string tier);
    string TierUpgradeHeading { get; }
    string TierUpgradeFromTo(string previousTier, string tier);
    string TierUpgradeNow(string tier);
    string TierUpgradeThanks { get; }

    // win-back
    string WinBackSubject { get; }
    string WinBackSubjectWithCoupon(string discount);
    string WinBackHeading { get; }
    string WinBackLastOrder(string store, string date);
    string WinBackLastItems(string items);
    string WinBackWhatsNew { get; }
    string WinBackCoupon(string discount);

    // replenishment
    string ReplenishmentSubject(string item);
    string ReplenishmentHeading { get; }
    string ReplenishmentDue(string items, string date);
    string ReplenishmentSoon(string items);
    string ReplenishmentReorder { get; }
    string ReplenishmentCoupon(string discount);

    // coupon-expiring
    string CouponExpiringSubject(string discount, string date);
    string CouponExpiringHeading { get; }
    string CouponExpiringStillValid(string store, string discount);
    string CouponExpiringUseBy(string date);

    // feedback-request
    string FeedbackSubject(string store);
    string FeedbackHeading { get; }
    string FeedbackHope(string order);
    string FeedbackAsk { get; }

    // points-expiring
    string PointsExpiringSubject(Count points, string date);
    string PointsExpiringHeading { get; }
    string PointsExpiringBalance(string store, Count points, string date);
    /// <summary>Any purchase before the date in <see cref="PointsExpiringBalance"/> keeps the points.</summary>
    string PointsExpiringKeep { get; }

    // referral-reward: never names the friend
    string ReferralSubject(string discount);
    string ReferralHeading { get; }
    string ReferralFriendBought(string store);
    string ReferralCoupon(string discount);

    // Footer
    string MarketingReason(string store);
    string UnsubscribeLink { get; }
    string TransactionalReason(string store);

    // Unsubscribe pages
    string ConfirmHeading(string store);
    string ConfirmBody(string store);
    string UnsubscribeButton { get; }
    string DoneHeading { get; }
    string StillGetOrderMessages { get; }
    string AlreadyDoneHeading { get; }
    string AlreadyDoneBody(string store);
    string InvalidLinkHeading { get; }
    string InvalidLinkBody(string store);
    string ExpiredLinkHeading { get; }
    string ExpiredLinkBody { get; }
}

/// <summary>A number and how the language writes it (digits, grouping), so templates can choose a plural form.</summary>
internal readonly record struct Count(long Value, string Text);
