using System.Globalization;

namespace Retention.Application.Messages.Templates.Strings;

/// <summary>English: the fallback language.</summary>
internal sealed class En : IMessageStrings
{
    public string Language => "en";
    public string DefaultCulture => "en-US";
    public bool RightToLeft => false;
    public char? NativeZero => null;
    public string FontFamily => "'Segoe UI',Roboto,'Helvetica Neue',Helvetica,Arial,sans-serif";

    // Month before day where the culture writes it so (en-US: "December 8, 2026"), day first elsewhere ("8 December 2026").
    public string DatePattern(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.LongDatePattern;
        var month = pattern.IndexOf('M', StringComparison.Ordinal);
        var day = pattern.IndexOf('d', pattern.StartsWith("dddd", StringComparison.Ordinal) ? 4 : 0);
        return month >= 0 && day >= 0 && month < day ? "MMMM d, yyyy" : "d MMMM yyyy";
    }

    private static string Points(Count n) => n.Value == 1 ? $"{n.Text} point" : $"{n.Text} points";

    public string Greeting(string? firstName) => firstName is null ? "Hello," : $"Hi {firstName},";

    public string ItemList(IReadOnlyList<string> names, Count more) => (names.Count, more.Value) switch
    {
        (1, 0) => names[0],
        (_, 0) => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}",
        _ => $"{string.Join(", ", names)} and {more.Text} more",
    };

    public string OrderItems(string items) => $"In your order: {items}.";
    public string PointsBalance(Count balance) => $"You now have {Points(balance)}.";
    public string CurrentTier(string tier) => $"Your membership level: {tier}.";
    public string ShopButton => "Shop now";
    public string VisitShopButton => "Visit the shop";
    public string OrderAgainButton => "Order again";
    public string ReviewButton => "Write a review";

    public string CouponLabel => "Your coupon code";
    public string CouponDiscount(string value) => $"{value} off";
    public string CouponMinimumSpend(string amount) => $"On orders of {amount} or more";
    public string CouponValidUntil(string date) => $"Valid until {date}";
    public string CouponHint => "Enter the code at checkout.";

    public string ThankYouSubject(string discount) => $"Thank you! Here's {discount} off your next order";
    public string ThankYouHeading => "Thank you for your order";
    public string ThankYouForItems(string store, string items) => $"Thank you for buying {items} from {store}.";
    public string ThankYouForShopping(string store) => $"Thank you for shopping with {store}.";
    public string ThankYouCoupon(string discount) => $"As a thank-you, here is {discount} off your next order.";

    public string MilestoneSubject(Count orders) =>
        orders.Value == 1 ? "Your first order: here's a reward" : $"{orders.Text} orders with us: here's a reward";
    public string MilestoneHeading => "A reward for you";
    public string MilestoneOrders(string store, Count orders) => orders.Value == 1
        ? $"You placed your first order with {store}. Thank you for choosing us."
        : $"You have placed {orders.Text} orders with {store}. Thank you for coming back again and again.";
    public string MilestoneCoupon(string discount) => $"Here is {discount} off your next order.";

    public string PointsEarnedSubject(Count points) => $"You earned {Points(points)}";
    public string PointsEarnedHeading => "Points added to your account";
    public string PointsEarnedForOrder(string order, Count points) => $"Your order {order} earned you {Points(points)}.";
    public string PointsEarnedForLatestOrder(Count points) => $"Your latest order earned you {Points(points)}.";

    public string TierUpgradeSubject(string tier) => $"Congratulations! You've reached {tier}";
    public string TierUpgradeHeading => "You've moved up";
    public string TierUpgradeFromTo(string previousTier, string tier) => $"Your membership level has gone up from {previousTier} to {tier}.";
    public string TierUpgradeNow(string tier) => $"Your membership level is now {tier}.";
    public string TierUpgradeThanks => "Thank you for shopping with us.";

    public string WinBackSubject => "We miss you";
    public string WinBackSubjectWithCoupon(string discount) => $"We miss you. Here's {discount} off";
    public string WinBackHeading => "It's been a while";
    public string WinBackLastOrder(string store, string date) => $"Your last order with {store} was on {date}.";
    public string WinBackLastItems(string items) => $"Last time you bought {items}.";
    public string WinBackWhatsNew => "Come back and see what's new.";
    public string WinBackCoupon(string discount) => $"To welcome you back, here is {discount} off your next order.";

    public string ReplenishmentSubject(string item) => $"Running low on {item}?";
    public string ReplenishmentHeading => "Time to stock up?";
    public string ReplenishmentDue(string items, string date) => $"Based on your last order, you may need {items} again around {date}.";
    public string ReplenishmentSoon(string items) => $"Based on your last order, you may need {items} again soon.";
    public string ReplenishmentReorder => "Order again now so you don't run out.";
    public string ReplenishmentCoupon(string discount) => $"Use this code for {discount} off your reorder.";

    public string CouponExpiringSubject(string discount, string date) => $"Your coupon for {discount} off ends on {date}";
    public string CouponExpiringHeading => "Don't miss your discount";
    public string CouponExpiringStillValid(string store, string discount) => $"You still have a coupon for {discount} off at {store}.";
    public string CouponExpiringUseBy(string date) => $"It is valid until {date}, so don't wait too long.";

    public string FeedbackSubject(string store) => $"How was your order from {store}?";
    public string FeedbackHeading => "Tell us what you think";
    public string FeedbackHope(string order) => $"We hope you are happy with your order {order}.";
    public string FeedbackAsk => "Would you write a short review? It takes a minute and helps other shoppers choose.";

    public string PointsExpiringSubject(Count points, string date) =>
        points.Value == 1 ? $"Your 1 point expires on {date}" : $"Your {points.Text} points expire on {date}";
    public string PointsExpiringHeading => "Keep your points";
    public string PointsExpiringBalance(string store, Count points, string date) => points.Value == 1
        ? $"You have 1 point at {store}, and it expires on {date}."
        : $"You have {points.Text} points at {store}, and they expire on {date}.";
    public string PointsExpiringKeep => "Any purchase before that date keeps your points.";

    public string ReferralSubject(string discount) => $"Thanks for referring a friend! Here's {discount} off";
    public string ReferralHeading => "Thanks for spreading the word";
    public string ReferralFriendBought(string store) => $"A friend you told about {store} has made their first purchase.";
    public string ReferralCoupon(string discount) => $"As a thank-you, here is {discount} off your next order.";

    public string MarketingReason(string store) => $"You receive this email because you agreed to get news and offers from {store}.";
    public string UnsubscribeLink => "Unsubscribe";
    public string TransactionalReason(string store) => $"This email is about your rewards account at {store}.";

    public string ConfirmHeading(string store) => $"Unsubscribe from {store} emails?";
    public string ConfirmBody(string store) => $"You will no longer get offers and reminders from {store}.";
    public string UnsubscribeButton => "Unsubscribe";
    public string DoneHeading => "You are unsubscribed";
    public string StillGetOrderMessages => "You will still get messages about your orders and points.";
    public string AlreadyDoneHeading => "You were already unsubscribed";
    public string AlreadyDoneBody(string store) => $"You will not get offers and reminders from {store}.";
    public string InvalidLinkHeading => "This link does not work";
    public string InvalidLinkBody(string store) => $"Please use the unsubscribe link in an email from {store}, or contact the store.";
    public string ExpiredLinkHeading => "This link has expired";
    public string ExpiredLinkBody => "Use the link in a newer email, or contact the store.";
}
