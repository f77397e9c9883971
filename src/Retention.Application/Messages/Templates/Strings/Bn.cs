using System.Globalization;

namespace Retention.Application.Messages.Templates.Strings;

/// <summary>
/// Bengali: the polite আপনি form, everyday wording of Bangladeshi and West Bengal shops (অর্ডার, কুপন, পয়েন্ট, রিভিউ),
/// a greeting (প্রিয়) that suits every reader. Numbers, amounts and dates use Bengali digits (০–৯), as Bengali
/// shops and newspapers write them (and CLDR's default for Bengali); codes and names stay as the store wrote them.
/// </summary>
internal sealed class Bn : IMessageStrings
{
    public string Language => "bn";
    public string DefaultCulture => "bn-BD";
    public bool RightToLeft => false;
    public char? NativeZero => '০';
    public string FontFamily => "'Noto Sans Bengali','Noto Sans Bengali UI','Nirmala UI',Vrinda,'Segoe UI',Roboto,Arial,sans-serif";

    public string DatePattern(CultureInfo culture) => "d MMMM yyyy";

    public string Greeting(string? firstName) => firstName is null ? "প্রিয় গ্রাহক," : $"প্রিয় {firstName},";

    public string ItemList(IReadOnlyList<string> names, Count more) => (names.Count, more.Value) switch
    {
        (1, 0) => names[0],
        (_, 0) => $"{string.Join(", ", names.Take(names.Count - 1))} ও {names[^1]}",
        _ => $"{string.Join(", ", names)} ও আরও {more.Text}টি পণ্য",
    };

    public string OrderItems(string items) => $"আপনার অর্ডারে ছিল: {items}";
    public string PointsBalance(Count balance) => $"এখন আপনার মোট পয়েন্ট {balance.Text}।";
    public string CurrentTier(string tier) => $"আপনার মেম্বারশিপ লেভেল: {tier}";
    public string ShopButton => "এখনই কিনুন";
    public string VisitShopButton => "স্টোরে যান";
    public string OrderAgainButton => "আবার অর্ডার করুন";
    public string ReviewButton => "রিভিউ লিখুন";

    public string CouponLabel => "আপনার কুপন কোড";
    public string CouponDiscount(string value) => $"{value} ছাড়";
    public string CouponMinimumSpend(string amount) => $"{amount} বা তার বেশি কেনাকাটায়";
    public string CouponValidUntil(string date) => $"{date} পর্যন্ত বৈধ";
    public string CouponHint => "চেকআউটের সময় কোডটি লিখুন।";

    public string ThankYouSubject(string discount) => $"ধন্যবাদ! পরের অর্ডারে আপনার জন্য {discount} ছাড়";
    public string ThankYouHeading => "অর্ডারের জন্য ধন্যবাদ";
    public string ThankYouForItems(string store, string items) => $"{store} থেকে {items} কেনার জন্য আপনাকে ধন্যবাদ।";
    public string ThankYouForShopping(string store) => $"{store} থেকে কেনাকাটা করার জন্য আপনাকে ধন্যবাদ।";
    public string ThankYouCoupon(string discount) => $"ধন্যবাদ হিসেবে আপনার পরের অর্ডারে থাকছে {discount} ছাড়।";

    public string MilestoneSubject(Count orders) =>
        orders.Value == 1 ? "প্রথম অর্ডারে আপনার জন্য উপহার" : $"{orders.Text}টি অর্ডার পূর্ণ: আপনার জন্য উপহার";
    public string MilestoneHeading => "আপনার জন্য একটি উপহার";
    public string MilestoneOrders(string store, Count orders) => orders.Value == 1
        ? $"আপনি {store} থেকে প্রথম অর্ডার করেছেন। আমাদের বেছে নেওয়ার জন্য ধন্যবাদ।"
        : $"আপনি এ পর্যন্ত {store} থেকে {orders.Text}টি অর্ডার করেছেন। বারবার আমাদের কাছে ফিরে আসার জন্য ধন্যবাদ।";
    public string MilestoneCoupon(string discount) => $"আপনার পরের অর্ডারে পাচ্ছেন {discount} ছাড়।";

    public string PointsEarnedSubject(Count points) => $"আপনি {points.Text} পয়েন্ট পেয়েছেন";
    public string PointsEarnedHeading => "আপনার অ্যাকাউন্টে পয়েন্ট যোগ হয়েছে";
    public string PointsEarnedForOrder(string order, Count points) => $"অর্ডার {order} থেকে আপনি {points.Text} পয়েন্ট পেয়েছেন।";
    public string PointsEarnedForLatestOrder(Count points) => $"আপনার সাম্প্রতিক অর্ডার থেকে আপনি {points.Text} পয়েন্ট পেয়েছেন।";

    public string TierUpgradeSubject(string tier) => $"অভিনন্দন! আপনি এখন {tier} সদস্য";
    public string TierUpgradeHeading => "আপনার মেম্বারশিপ লেভেল বেড়েছে";
    public string TierUpgradeFromTo(string previousTier, string tier) => $"আপনার মেম্বারশিপ লেভেল {previousTier} থেকে বেড়ে {tier} হয়েছে।";
    public string TierUpgradeNow(string tier) => $"এখন আপনার মেম্বারশিপ লেভেল {tier}।";
    public string TierUpgradeThanks => "আমাদের সঙ্গে থাকার জন্য ধন্যবাদ।";

    public string WinBackSubject => "আমরা আপনাকে মিস করছি";
    public string WinBackSubjectWithCoupon(string discount) => $"আপনাকে মিস করছি: আপনার জন্য {discount} ছাড়";
    public string WinBackHeading => "অনেক দিন দেখা নেই";
    public string WinBackLastOrder(string store, string date) => $"আপনি শেষবার {store} থেকে কেনাকাটা করেছিলেন {date} তারিখে।";
    public string WinBackLastItems(string items) => $"আপনার শেষ কেনাকাটা: {items}";
    public string WinBackWhatsNew => "একবার ঘুরে যান, দেখে নিন নতুন কী এসেছে।";
    public string WinBackCoupon(string discount) => $"আপনাকে আবার স্বাগত জানাতে পরের অর্ডারে থাকছে {discount} ছাড়।";

    public string ReplenishmentSubject(string item) => $"{item} কি ফুরিয়ে আসছে?";
    public string ReplenishmentHeading => "আবার অর্ডার করার সময়";
    public string ReplenishmentDue(string items, string date) =>
        $"আপনার আগের অর্ডার দেখে মনে হচ্ছে, {date} নাগাদ আবার {items} লাগতে পারে।";
    public string ReplenishmentSoon(string items) =>
        $"আপনার আগের অর্ডার দেখে মনে হচ্ছে, শিগগিরই আবার {items} লাগতে পারে।";
    public string ReplenishmentReorder => "ফুরিয়ে যাওয়ার আগেই অর্ডার করে নিন।";
    public string ReplenishmentCoupon(string discount) => $"আবার অর্ডার করলে এই কোডে পাবেন {discount} ছাড়।";

    public string CouponExpiringSubject(string discount, string date) => $"আপনার {discount} ছাড়ের কুপনের মেয়াদ {date} পর্যন্ত";
    public string CouponExpiringHeading => "আপনার ছাড় মিস করবেন না";
    public string CouponExpiringStillValid(string store, string discount) => $"{store} থেকে পাওয়া {discount} ছাড়ের কুপনটি আপনি এখনও ব্যবহার করেননি।";
    public string CouponExpiringUseBy(string date) => $"কুপনটির মেয়াদ {date} পর্যন্ত, তাই দেরি না করে ব্যবহার করুন।";

    public string FeedbackSubject(string store) => $"{store} থেকে আপনার অর্ডার কেমন লাগল?";
    public string FeedbackHeading => "আপনার মতামত জানান";
    public string FeedbackHope(string order) => $"আশা করি অর্ডার {order} আপনার ভালো লেগেছে।";
    public string FeedbackAsk =>
        "একটি ছোট রিভিউ লিখবেন? মাত্র এক মিনিট লাগবে, আর এতে অন্য ক্রেতাদের বেছে নিতে সুবিধা হবে।";

    public string PointsExpiringSubject(Count points, string date) => $"{date} তারিখে আপনার {points.Text} পয়েন্টের মেয়াদ শেষ হচ্ছে";
    public string PointsExpiringHeading => "আপনার পয়েন্ট ধরে রাখুন";
    public string PointsExpiringBalance(string store, Count points, string date) =>
        $"আপনার {store} রিওয়ার্ড অ্যাকাউন্টে {points.Text} পয়েন্ট আছে, যার মেয়াদ শেষ হবে {date} তারিখে।";
    public string PointsExpiringKeep => "এই তারিখের আগে যেকোনো কেনাকাটা করলেই আপনার পয়েন্ট থেকে যাবে।";

    public string ReferralSubject(string discount) => $"বন্ধুকে আমাদের কথা জানানোর জন্য ধন্যবাদ! আপনার জন্য {discount} ছাড়";
    public string ReferralHeading => "আমাদের কথা জানানোর জন্য ধন্যবাদ";
    public string ReferralFriendBought(string store) => $"আপনার কাছ থেকে {store} সম্পর্কে জেনে আপনার এক বন্ধু প্রথমবার কেনাকাটা করেছেন।";
    public string ReferralCoupon(string discount) => $"ধন্যবাদ হিসেবে আপনার পরের অর্ডারে থাকছে {discount} ছাড়।";

    public string MarketingReason(string store) => $"আপনি {store} থেকে খবর ও অফার পেতে সম্মতি দিয়েছেন বলে এই ইমেইলটি পাচ্ছেন।";
    public string UnsubscribeLink => "আনসাবস্ক্রাইব করুন";
    public string TransactionalReason(string store) => $"এই ইমেইলটি আপনার {store} রিওয়ার্ড অ্যাকাউন্ট সম্পর্কে।";

    public string ConfirmHeading(string store) => $"{store} থেকে ইমেইল পাওয়া বন্ধ করবেন?";
    public string ConfirmBody(string store) => $"এরপর {store} থেকে আর কোনো অফার বা রিমাইন্ডার পাবেন না।";
    public string UnsubscribeButton => "আনসাবস্ক্রাইব করুন";
    public string DoneHeading => "আপনি আনসাবস্ক্রাইব করেছেন";
    public string StillGetOrderMessages => "আপনার অর্ডার ও পয়েন্ট সংক্রান্ত বার্তা আগের মতোই পাবেন।";
    public string AlreadyDoneHeading => "আপনি আগেই আনসাবস্ক্রাইব করেছেন";
    public string AlreadyDoneBody(string store) => $"{store} থেকে আর কোনো অফার বা রিমাইন্ডার পাবেন না।";
    public string InvalidLinkHeading => "এই লিংকটি কাজ করছে না";
    public string InvalidLinkBody(string store) => $"অনুগ্রহ করে {store} থেকে পাওয়া কোনো ইমেইলের লিংক ব্যবহার করুন, অথবা স্টোরের সঙ্গে যোগাযোগ করুন।";
    public string ExpiredLinkHeading => "এই লিংকের মেয়াদ শেষ হয়ে গেছে";
    public string ExpiredLinkBody => "নতুন কোনো ইমেইলের লিংক ব্যবহার করুন, অথবা স্টোরের সঙ্গে যোগাযোগ করুন।";
}
