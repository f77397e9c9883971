using System.Globalization;

namespace Retention.Application.Messages.Templates.Strings;

/// <summary>
/// Hindi: the polite आप form, everyday Hindustani with the loanwords Indian shops use (ऑर्डर, कूपन, पॉइंट, रिव्यू).
/// Digits are 0–9, as Indian shops, banks and apps write them (and CLDR's default for Hindi).
/// </summary>
internal sealed class Hi : IMessageStrings
{
    public string Language => "hi";
    public string DefaultCulture => "hi-IN";
    public bool RightToLeft => false;
    public char? NativeZero => null;
    public string FontFamily => "'Noto Sans Devanagari','Noto Sans Devanagari UI','Nirmala UI',Mangal,'Segoe UI',Roboto,Arial,sans-serif";

    public string DatePattern(CultureInfo culture) => "d MMMM yyyy";

    public string Greeting(string? firstName) => firstName is null ? "नमस्ते," : $"नमस्ते {firstName},";

    public string ItemList(IReadOnlyList<string> names, Count more) => (names.Count, more.Value) switch
    {
        (1, 0) => names[0],
        (_, 0) => $"{string.Join(", ", names.Take(names.Count - 1))} और {names[^1]}",
        _ => $"{string.Join(", ", names)} और {more.Text} अन्य आइटम",
    };

    public string OrderItems(string items) => $"आपके ऑर्डर में: {items}";
    public string PointsBalance(Count balance) => $"अब आपके पास कुल {balance.Text} पॉइंट हैं।";
    public string CurrentTier(string tier) => $"आपका सदस्यता स्तर: {tier}";
    public string ShopButton => "अभी खरीदारी करें";
    public string VisitShopButton => "स्टोर पर जाएँ";
    public string OrderAgainButton => "फिर से ऑर्डर करें";
    public string ReviewButton => "रिव्यू लिखें";

    public string CouponLabel => "आपका कूपन कोड";
    public string CouponDiscount(string value) => $"{value} की छूट";
    public string CouponMinimumSpend(string amount) => $"{amount} या उससे ज़्यादा के ऑर्डर पर";
    public string CouponValidUntil(string date) => $"{date} तक मान्य";
    public string CouponHint => "चेकआउट पर यह कोड डालें।";

    public string ThankYouSubject(string discount) => $"धन्यवाद! आपके अगले ऑर्डर पर {discount} की छूट";
    public string ThankYouHeading => "आपके ऑर्डर के लिए धन्यवाद";
    public string ThankYouForItems(string store, string items) => $"{store} से {items} खरीदने के लिए धन्यवाद।";
    public string ThankYouForShopping(string store) => $"{store} से खरीदारी करने के लिए धन्यवाद।";
    public string ThankYouCoupon(string discount) => $"शुक्रिया कहने के लिए, हम आपको अगले ऑर्डर पर {discount} की छूट दे रहे हैं।";

    public string MilestoneSubject(Count orders) =>
        orders.Value == 1 ? "आपका पहला ऑर्डर: आपके लिए एक तोहफ़ा" : $"{orders.Text} ऑर्डर पूरे: आपके लिए एक तोहफ़ा";
    public string MilestoneHeading => "आपके लिए एक तोहफ़ा";
    public string MilestoneOrders(string store, Count orders) => orders.Value == 1
        ? $"आपने {store} से अपना पहला ऑर्डर किया है। हमें चुनने के लिए शुक्रिया।"
        : $"आप {store} से अब तक {orders.Text} ऑर्डर कर चुके हैं। बार-बार हमारे पास आने के लिए शुक्रिया।";
    public string MilestoneCoupon(string discount) => $"आपके अगले ऑर्डर पर {discount} की छूट आपका इंतज़ार कर रही है।";

    public string PointsEarnedSubject(Count points) => $"आपको {points.Text} पॉइंट मिले हैं";
    public string PointsEarnedHeading => "आपके खाते में पॉइंट जुड़ गए हैं";
    public string PointsEarnedForOrder(string order, Count points) => $"ऑर्डर {order} पर आपको {points.Text} पॉइंट मिले हैं।";
    public string PointsEarnedForLatestOrder(Count points) => $"आपके हाल के ऑर्डर पर आपको {points.Text} पॉइंट मिले हैं।";

    public string TierUpgradeSubject(string tier) => $"बधाई हो! अब आप {tier} सदस्य हैं";
    public string TierUpgradeHeading => "आपका सदस्यता स्तर बढ़ गया है";
    public string TierUpgradeFromTo(string previousTier, string tier) => $"आपका सदस्यता स्तर {previousTier} से बढ़कर {tier} हो गया है।";
    public string TierUpgradeNow(string tier) => $"अब आपका सदस्यता स्तर {tier} है।";
    public string TierUpgradeThanks => "हमारे साथ बने रहने के लिए शुक्रिया।";

    public string WinBackSubject => "हमें आपकी याद आ रही है";
    public string WinBackSubjectWithCoupon(string discount) => $"हमें आपकी याद आ रही है: आपके लिए {discount} की छूट";
    public string WinBackHeading => "काफ़ी दिन हो गए";
    public string WinBackLastOrder(string store, string date) => $"आपने {store} से आखिरी बार {date} को खरीदारी की थी।";
    public string WinBackLastItems(string items) => $"पिछली बार आपने खरीदा था: {items}";
    public string WinBackWhatsNew => "आइए, देखिए क्या नया आया है।";
    public string WinBackCoupon(string discount) => $"आपकी वापसी पर हम आपको अगले ऑर्डर पर {discount} की छूट दे रहे हैं।";

    public string ReplenishmentSubject(string item) => $"{item} फिर से मँगाने का समय?";
    public string ReplenishmentHeading => "दोबारा ऑर्डर करने का समय";
    public string ReplenishmentDue(string items, string date) =>
        $"आपके पिछले ऑर्डर के हिसाब से, {date} के आसपास आपको फिर से {items} की ज़रूरत पड़ सकती है।";
    public string ReplenishmentSoon(string items) =>
        $"आपके पिछले ऑर्डर के हिसाब से, जल्द ही आपको फिर से {items} की ज़रूरत पड़ सकती है।";
    public string ReplenishmentReorder => "खत्म होने से पहले अभी ऑर्डर कर लें।";
    public string ReplenishmentCoupon(string discount) => $"दोबारा ऑर्डर करने पर इस कोड से {discount} की छूट पाएँ।";

    public string CouponExpiringSubject(string discount, string date) => $"आपका {discount} छूट वाला कूपन {date} तक ही मान्य है";
    public string CouponExpiringHeading => "अपनी छूट का फ़ायदा उठाएँ";
    public string CouponExpiringStillValid(string store, string discount) => $"आपके पास अब भी {store} का {discount} छूट वाला कूपन है।";
    public string CouponExpiringUseBy(string date) => $"यह {date} तक ही मान्य है, इसलिए जल्दी इस्तेमाल करें।";

    public string FeedbackSubject(string store) => $"{store} से आपका ऑर्डर कैसा रहा?";
    public string FeedbackHeading => "हमें अपनी राय बताएँ";
    public string FeedbackHope(string order) => $"उम्मीद है आपको अपना ऑर्डर {order} पसंद आया होगा।";
    public string FeedbackAsk =>
        "क्या आप एक छोटा-सा रिव्यू लिखेंगे? इसमें बस एक मिनट लगेगा और दूसरे ग्राहकों को सही चीज़ चुनने में मदद मिलेगी।";

    public string PointsExpiringSubject(Count points, string date) => points.Value == 1
        ? $"आपका {points.Text} पॉइंट {date} को खत्म हो जाएगा"
        : $"आपके {points.Text} पॉइंट {date} को खत्म हो जाएँगे";
    public string PointsExpiringHeading => "अपने पॉइंट बचाएँ";
    public string PointsExpiringBalance(string store, Count points, string date) => points.Value == 1
        ? $"{store} पर आपके खाते में {points.Text} पॉइंट है, जो {date} को खत्म हो जाएगा।"
        : $"{store} पर आपके खाते में {points.Text} पॉइंट हैं, जो {date} को खत्म हो जाएँगे।";
    public string PointsExpiringKeep => "उस तारीख से पहले कोई भी खरीदारी करने पर आपके पॉइंट बने रहेंगे।";

    public string ReferralSubject(string discount) => $"दोस्त को हमारे बारे में बताने के लिए शुक्रिया! आपके लिए {discount} की छूट";
    public string ReferralHeading => "हमारे बारे में बताने के लिए शुक्रिया";
    public string ReferralFriendBought(string store) => $"आपने जिस दोस्त को {store} के बारे में बताया था, उन्होंने अपनी पहली खरीदारी कर ली है।";
    public string ReferralCoupon(string discount) => $"शुक्रिया कहने के लिए, हम आपको अगले ऑर्डर पर {discount} की छूट दे रहे हैं।";

    public string MarketingReason(string store) => $"आपको यह ईमेल इसलिए मिला है क्योंकि आपने {store} से ऑफ़र और अपडेट पाने की सहमति दी थी।";
    public string UnsubscribeLink => "सदस्यता छोड़ें";
    public string TransactionalReason(string store) => $"यह ईमेल {store} पर आपके रिवॉर्ड खाते के बारे में है।";

    public string ConfirmHeading(string store) => $"{store} के ईमेल बंद करें?";
    public string ConfirmBody(string store) => $"इसके बाद आपको {store} से ऑफ़र और रिमाइंडर नहीं मिलेंगे।";
    public string UnsubscribeButton => "सदस्यता छोड़ें";
    public string DoneHeading => "आपने सदस्यता छोड़ दी है";
    public string StillGetOrderMessages => "आपको अपने ऑर्डर और पॉइंट से जुड़े संदेश मिलते रहेंगे।";
    public string AlreadyDoneHeading => "आप पहले ही सदस्यता छोड़ चुके हैं";
    public string AlreadyDoneBody(string store) => $"आपको {store} से ऑफ़र और रिमाइंडर नहीं मिलेंगे।";
    public string InvalidLinkHeading => "यह लिंक काम नहीं कर रहा है";
    public string InvalidLinkBody(string store) => $"कृपया {store} के किसी ईमेल में दिया गया लिंक इस्तेमाल करें, या स्टोर से संपर्क करें।";
    public string ExpiredLinkHeading => "इस लिंक की समय-सीमा खत्म हो गई है";
    public string ExpiredLinkBody => "किसी नए ईमेल में दिया गया लिंक इस्तेमाल करें, या स्टोर से संपर्क करें।";
}
