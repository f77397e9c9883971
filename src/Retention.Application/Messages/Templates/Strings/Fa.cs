using System.Globalization;

namespace Retention.Application.Messages.Templates.Strings;

/// <summary>
/// Persian: the polite شما form, Persian punctuation (« » ، ؛) and Persian letters (ی, ک, not the Arabic ي, ك).
/// Numbers, amounts and dates use Persian digits (۰–۹) and the Solar Hijri calendar, as Iranian shops write them;
/// coupon codes, order numbers and names stay exactly as the store wrote them.
/// </summary>
internal sealed class Fa : IMessageStrings
{
    public string Language => "fa";
    public string DefaultCulture => "fa-IR";
    public bool RightToLeft => true;
    public char? NativeZero => '۰';
    public string FontFamily => "Vazirmatn,'Noto Sans Arabic','Noto Sans Arabic UI',Tahoma,'Segoe UI',Arial,sans-serif";

    // .NET's own long pattern for fa-IR puts the year first ("1405 آذر 17"); Persian readers expect day, month, year.
    public string DatePattern(CultureInfo culture) => "d MMMM yyyy";

    public string Greeting(string? firstName) => firstName is null ? "سلام و وقت بخیر،" : $"سلام {firstName} عزیز،";

    public string ItemList(IReadOnlyList<string> names, Count more) => (names.Count, more.Value) switch
    {
        (1, 0) => names[0],
        (_, 0) => $"{string.Join("، ", names.Take(names.Count - 1))} و {names[^1]}",
        (_, 1) => $"{string.Join("، ", names)} و یک کالای دیگر",
        _ => $"{string.Join("، ", names)} و {more.Text} کالای دیگر",
    };

    public string OrderItems(string items) => $"اقلام سفارش شما: {items}";
    public string PointsBalance(Count balance) => $"اکنون {balance.Text} امتیاز دارید.";
    public string CurrentTier(string tier) => $"سطح عضویت شما: «{tier}»";
    public string ShopButton => "همین حالا خرید کنید";
    public string VisitShopButton => "رفتن به فروشگاه";
    public string OrderAgainButton => "سفارش دوباره";
    public string ReviewButton => "ثبت نظر";

    public string CouponLabel => "کد تخفیف شما";
    public string CouponDiscount(string value) => $"{value} تخفیف";
    public string CouponMinimumSpend(string amount) => $"برای خریدهای {amount} و بیشتر";
    public string CouponValidUntil(string date) => $"معتبر تا {date}";
    public string CouponHint => "این کد را هنگام پرداخت وارد کنید.";

    public string ThankYouSubject(string discount) => $"ممنون از خریدتان! {discount} تخفیف برای خرید بعدی‌تان";
    public string ThankYouHeading => "از خرید شما سپاسگزاریم";
    public string ThankYouForItems(string store, string items) => $"از اینکه {items} را از {store} خریدید، سپاسگزاریم.";
    public string ThankYouForShopping(string store) => $"از اینکه از {store} خرید کردید، سپاسگزاریم.";
    public string ThankYouCoupon(string discount) => $"به پاس قدردانی، {discount} تخفیف برای خرید بعدی‌تان در نظر گرفته‌ایم.";

    public string MilestoneSubject(Count orders) =>
        orders.Value == 1 ? "هدیهٔ ما برای اولین سفارش شما" : $"هدیهٔ ما برای {orders.Text} سفارش شما";
    public string MilestoneHeading => "هدیه‌ای برای شما";
    public string MilestoneOrders(string store, Count orders) => orders.Value == 1
        ? $"اولین سفارش خود را از {store} ثبت کردید. از اینکه ما را انتخاب کردید، سپاسگزاریم."
        : $"تاکنون {orders.Text} سفارش از {store} ثبت کرده‌اید. از همراهی همیشگی‌تان سپاسگزاریم.";
    public string MilestoneCoupon(string discount) => $"برای سفارش بعدی‌تان {discount} تخفیف هدیه گرفته‌اید.";

    public string PointsEarnedSubject(Count points) => $"{points.Text} امتیاز به حساب شما اضافه شد";
    public string PointsEarnedHeading => "امتیازهای تازهٔ شما";
    public string PointsEarnedForOrder(string order, Count points) => $"با سفارش {order}، {points.Text} امتیاز گرفتید.";
    public string PointsEarnedForLatestOrder(Count points) => $"با آخرین سفارش‌تان {points.Text} امتیاز گرفتید.";

    public string TierUpgradeSubject(string tier) => $"تبریک! سطح عضویت شما به «{tier}» ارتقا یافت";
    public string TierUpgradeHeading => "سطح عضویت شما ارتقا یافت";
    public string TierUpgradeFromTo(string previousTier, string tier) => $"سطح عضویت شما از «{previousTier}» به «{tier}» ارتقا یافت.";
    public string TierUpgradeNow(string tier) => $"اکنون سطح عضویت شما «{tier}» است.";
    public string TierUpgradeThanks => "از همراهی شما سپاسگزاریم.";

    public string WinBackSubject => "دلمان برایتان تنگ شده";
    public string WinBackSubjectWithCoupon(string discount) => $"دلمان برایتان تنگ شده؛ {discount} تخفیف برای شما";
    public string WinBackHeading => "مدتی است از شما خبری نداریم";
    public string WinBackLastOrder(string store, string date) => $"آخرین خرید شما از {store} در {date} بود.";
    public string WinBackLastItems(string items) => $"خرید قبلی شما: {items}";
    public string WinBackWhatsNew => "سری به ما بزنید و تازه‌ها را ببینید.";
    public string WinBackCoupon(string discount) => $"برای بازگشت‌تان {discount} تخفیف در نظر گرفته‌ایم.";

    public string ReplenishmentSubject(string item) => $"وقت خرید دوبارهٔ {item} رسیده؟";
    public string ReplenishmentHeading => "وقت سفارش دوباره";
    public string ReplenishmentDue(string items, string date) =>
        $"بر اساس سفارش قبلی‌تان، احتمالاً حدود {date} دوباره به {items} نیاز خواهید داشت.";
    public string ReplenishmentSoon(string items) =>
        $"بر اساس سفارش قبلی‌تان، احتمالاً به‌زودی دوباره به {items} نیاز خواهید داشت.";
    public string ReplenishmentReorder => "پیش از اینکه تمام شود، دوباره سفارش دهید.";
    public string ReplenishmentCoupon(string discount) => $"با این کد، {discount} تخفیف برای سفارش دوباره بگیرید.";

    public string CouponExpiringSubject(string discount, string date) => $"تا {date} فرصت دارید از کد تخفیف {discount} استفاده کنید";
    public string CouponExpiringHeading => "تخفیف‌تان را از دست ندهید";
    public string CouponExpiringStillValid(string store, string discount) => $"هنوز از کد تخفیف {discount} خود در {store} استفاده نکرده‌اید.";
    public string CouponExpiringUseBy(string date) => $"این کد تا {date} اعتبار دارد؛ پس زودتر از آن استفاده کنید.";

    public string FeedbackSubject(string store) => $"سفارش‌تان از {store} چطور بود؟";
    public string FeedbackHeading => "نظرتان را با ما در میان بگذارید";
    public string FeedbackHope(string order) => $"امیدواریم از سفارش {order} راضی باشید.";
    public string FeedbackAsk =>
        "ممکن است چند خط دربارهٔ خریدتان بنویسید؟ فقط یک دقیقه وقت می‌گیرد و به خریداران دیگر در انتخاب کمک می‌کند.";

    public string PointsExpiringSubject(Count points, string date) => $"{points.Text} امتیاز شما در {date} منقضی می‌شود";
    public string PointsExpiringHeading => "امتیازهایتان را از دست ندهید";
    public string PointsExpiringBalance(string store, Count points, string date) =>
        $"شما {points.Text} امتیاز در {store} دارید که در {date} منقضی می‌شود.";
    public string PointsExpiringKeep => "با هر خریدی پیش از این تاریخ، امتیازهایتان حفظ می‌شود.";

    public string ReferralSubject(string discount) => $"ممنون که ما را به دوستتان معرفی کردید! {discount} تخفیف برای شما";
    public string ReferralHeading => "ممنون که ما را معرفی کردید";
    public string ReferralFriendBought(string store) => $"دوستی که {store} را به او معرفی کردید، اولین خرید خود را انجام داد.";
    public string ReferralCoupon(string discount) => $"به پاس قدردانی، {discount} تخفیف برای خرید بعدی‌تان در نظر گرفته‌ایم.";

    public string MarketingReason(string store) => $"این ایمیل برای شما فرستاده شده است، چون با دریافت خبرها و پیشنهادهای {store} موافقت کرده‌اید.";
    public string UnsubscribeLink => "لغو اشتراک";
    public string TransactionalReason(string store) => $"این ایمیل دربارهٔ حساب باشگاه مشتریان شما در {store} است.";

    public string ConfirmHeading(string store) => $"اشتراک ایمیل‌های {store} لغو شود؟";
    public string ConfirmBody(string store) => $"پس از این، پیشنهادها و یادآوری‌های {store} برایتان فرستاده نمی‌شود.";
    public string UnsubscribeButton => "لغو اشتراک";
    public string DoneHeading => "اشتراک شما لغو شد";
    public string StillGetOrderMessages => "پیام‌های مربوط به سفارش‌ها و امتیازهایتان همچنان برایتان فرستاده می‌شود.";
    public string AlreadyDoneHeading => "اشتراک شما پیش‌تر لغو شده است";
    public string AlreadyDoneBody(string store) => $"پیشنهادها و یادآوری‌های {store} برایتان فرستاده نمی‌شود.";
    public string InvalidLinkHeading => "این لینک معتبر نیست";
    public string InvalidLinkBody(string store) => $"لطفاً از لینک لغو اشتراک در یکی از ایمیل‌های {store} استفاده کنید یا با فروشگاه تماس بگیرید.";
    public string ExpiredLinkHeading => "این لینک منقضی شده است";
    public string ExpiredLinkBody => "از لینک یک ایمیل جدیدتر استفاده کنید یا با فروشگاه تماس بگیرید.";
}
