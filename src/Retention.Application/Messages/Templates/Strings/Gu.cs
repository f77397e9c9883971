using System.Globalization;

namespace Retention.Application.Messages.Templates.Strings;

/// <summary>
/// Gujarati: the respectful આપ form used in customer messages, with the loanwords Indian shops use (ઓર્ડર, કૂપન,
/// પોઇન્ટ). Digits are 0–9, as Gujarati shops and apps write prices (and CLDR's default for Gujarati).
/// </summary>
internal sealed class Gu : IMessageStrings
{
    public string Language => "gu";
    public string DefaultCulture => "gu-IN";
    public bool RightToLeft => false;
    public char? NativeZero => null;
    public string FontFamily => "'Noto Sans Gujarati','Noto Sans Gujarati UI','Nirmala UI',Shruti,'Segoe UI',Roboto,Arial,sans-serif";

    public string DatePattern(CultureInfo culture) => "d MMMM yyyy";

    public string Greeting(string? firstName) => firstName is null ? "નમસ્તે," : $"નમસ્તે {firstName},";

    public string ItemList(IReadOnlyList<string> names, Count more) => (names.Count, more.Value) switch
    {
        (1, 0) => names[0],
        (_, 0) => $"{string.Join(", ", names.Take(names.Count - 1))} અને {names[^1]}",
        (_, 1) => $"{string.Join(", ", names)} અને બીજી એક વસ્તુ",
        _ => $"{string.Join(", ", names)} અને બીજી {more.Text} વસ્તુઓ",
    };

    public string OrderItems(string items) => $"આપના ઓર્ડરમાં: {items}";
    public string PointsBalance(Count balance) => $"હવે આપની પાસે કુલ {balance.Text} પોઇન્ટ છે.";
    public string CurrentTier(string tier) => $"આપનું સભ્યપદ સ્તર: {tier}";
    public string ShopButton => "હમણાં ખરીદી કરો";
    public string VisitShopButton => "સ્ટોર પર જાઓ";
    public string OrderAgainButton => "ફરી ઓર્ડર કરો";
    public string ReviewButton => "રિવ્યૂ લખો";

    public string CouponLabel => "આપનો કૂપન કોડ";
    public string CouponDiscount(string value) => $"{value} ની છૂટ";
    public string CouponMinimumSpend(string amount) => $"{amount} કે તેથી વધુના ઓર્ડર પર";
    public string CouponValidUntil(string date) => $"{date} સુધી માન્ય";
    public string CouponHint => "ચેકઆઉટ વખતે આ કોડ દાખલ કરો.";

    public string ThankYouSubject(string discount) => $"આભાર! આપના આગામી ઓર્ડર પર {discount} ની છૂટ";
    public string ThankYouHeading => "આપના ઓર્ડર બદલ આભાર";
    public string ThankYouForItems(string store, string items) => $"{store} પરથી {items} ખરીદવા બદલ આપનો આભાર.";
    public string ThankYouForShopping(string store) => $"{store} પરથી ખરીદી કરવા બદલ આપનો આભાર.";
    public string ThankYouCoupon(string discount) => $"આભાર રૂપે, આપના આગામી ઓર્ડર પર અમે આપને {discount} ની છૂટ આપીએ છીએ.";

    public string MilestoneSubject(Count orders) =>
        orders.Value == 1 ? "આપનો પહેલો ઓર્ડર: આપના માટે એક ભેટ" : $"{orders.Text} ઓર્ડર પૂરા: આપના માટે એક ભેટ";
    public string MilestoneHeading => "આપના માટે એક ભેટ";
    public string MilestoneOrders(string store, Count orders) => orders.Value == 1
        ? $"આપે {store} પરથી પહેલો ઓર્ડર કર્યો છે. અમને પસંદ કરવા બદલ આભાર."
        : $"આપે અત્યાર સુધીમાં {store} પરથી {orders.Text} ઓર્ડર કર્યા છે. વારંવાર અમારી પાસે આવવા બદલ આભાર.";
    public string MilestoneCoupon(string discount) => $"આપના આગામી ઓર્ડર પર {discount} ની છૂટ આપની રાહ જોઈ રહી છે.";

    public string PointsEarnedSubject(Count points) => $"આપને {points.Text} પોઇન્ટ મળ્યા છે";
    public string PointsEarnedHeading => "આપના ખાતામાં પોઇન્ટ ઉમેરાયા છે";
    public string PointsEarnedForOrder(string order, Count points) => $"ઓર્ડર {order} પર આપને {points.Text} પોઇન્ટ મળ્યા છે.";
    public string PointsEarnedForLatestOrder(Count points) => $"આપના તાજેતરના ઓર્ડર પર આપને {points.Text} પોઇન્ટ મળ્યા છે.";

    public string TierUpgradeSubject(string tier) => $"અભિનંદન! હવે આપ {tier} સભ્ય છો";
    public string TierUpgradeHeading => "આપનું સભ્યપદ સ્તર વધ્યું છે";
    public string TierUpgradeFromTo(string previousTier, string tier) => $"આપનું સભ્યપદ સ્તર {previousTier} થી વધીને {tier} થયું છે.";
    public string TierUpgradeNow(string tier) => $"હવે આપનું સભ્યપદ સ્તર {tier} છે.";
    public string TierUpgradeThanks => "અમારી સાથે રહેવા બદલ આભાર.";

    public string WinBackSubject => "અમને આપની યાદ આવે છે";
    public string WinBackSubjectWithCoupon(string discount) => $"અમને આપની યાદ આવે છે: આપના માટે {discount} ની છૂટ";
    public string WinBackHeading => "ઘણા દિવસ થઈ ગયા";
    public string WinBackLastOrder(string store, string date) => $"આપે {store} પરથી છેલ્લે {date} ના રોજ ખરીદી કરી હતી.";
    public string WinBackLastItems(string items) => $"આપની છેલ્લી ખરીદી: {items}";
    public string WinBackWhatsNew => "આવો, જુઓ શું નવું આવ્યું છે.";
    public string WinBackCoupon(string discount) => $"આપના સ્વાગત માટે, આગામી ઓર્ડર પર અમે આપને {discount} ની છૂટ આપીએ છીએ.";

    public string ReplenishmentSubject(string item) => $"{item} ફરી મંગાવવાનો સમય થયો?";
    public string ReplenishmentHeading => "ફરી ઓર્ડર કરવાનો સમય";
    public string ReplenishmentDue(string items, string date) =>
        $"આપના છેલ્લા ઓર્ડરના આધારે, {date} આસપાસ આપને ફરીથી {items} ની જરૂર પડી શકે છે.";
    public string ReplenishmentSoon(string items) =>
        $"આપના છેલ્લા ઓર્ડરના આધારે, ટૂંક સમયમાં આપને ફરીથી {items} ની જરૂર પડી શકે છે.";
    public string ReplenishmentReorder => "ખૂટી જાય તે પહેલાં હમણાં જ ઓર્ડર કરી લો.";
    public string ReplenishmentCoupon(string discount) => $"ફરી ઓર્ડર કરતી વખતે આ કોડથી {discount} ની છૂટ મેળવો.";

    public string CouponExpiringSubject(string discount, string date) => $"આપનું {discount} છૂટનું કૂપન {date} સુધી જ માન્ય છે";
    public string CouponExpiringHeading => "આપની છૂટ ચૂકશો નહીં";
    public string CouponExpiringStillValid(string store, string discount) => $"{store} તરફથી મળેલું આપનું {discount} છૂટનું કૂપન હજી વપરાયું નથી.";
    public string CouponExpiringUseBy(string date) => $"તે {date} સુધી જ માન્ય છે, તેથી જલદી ઉપયોગ કરો.";

    public string FeedbackSubject(string store) => $"{store} પરથી આપનો ઓર્ડર કેવો રહ્યો?";
    public string FeedbackHeading => "અમને આપનો અભિપ્રાય જણાવો";
    public string FeedbackHope(string order) => $"આશા છે કે આપને ઓર્ડર {order} ગમ્યો હશે.";
    public string FeedbackAsk =>
        "શું આપ એક નાનો રિવ્યૂ લખશો? તેમાં માત્ર એક મિનિટ લાગશે અને બીજા ગ્રાહકોને પસંદગી કરવામાં મદદ મળશે.";

    public string PointsExpiringSubject(Count points, string date) => $"આપના {points.Text} પોઇન્ટની મુદત {date} ના રોજ પૂરી થશે";
    public string PointsExpiringHeading => "આપના પોઇન્ટ બચાવી લો";
    public string PointsExpiringBalance(string store, Count points, string date) =>
        $"{store} પર આપની પાસે {points.Text} પોઇન્ટ છે, જેની મુદત {date} ના રોજ પૂરી થશે.";
    public string PointsExpiringKeep => "એ તારીખ પહેલાં કોઈ પણ ખરીદી કરશો તો આપના પોઇન્ટ જળવાઈ રહેશે.";

    public string ReferralSubject(string discount) => $"મિત્રને અમારા વિશે જણાવવા બદલ આભાર! આપના માટે {discount} ની છૂટ";
    public string ReferralHeading => "અમારા વિશે જણાવવા બદલ આભાર";
    public string ReferralFriendBought(string store) => $"આપે જે મિત્રને {store} વિશે જણાવ્યું હતું, તેમણે પહેલી ખરીદી કરી લીધી છે.";
    public string ReferralCoupon(string discount) => $"આભાર રૂપે, આપના આગામી ઓર્ડર પર અમે આપને {discount} ની છૂટ આપીએ છીએ.";

    public string MarketingReason(string store) => $"આપે {store} તરફથી સમાચાર અને ઑફર મેળવવા માટે સંમતિ આપી હોવાથી આપને આ ઇમેઇલ મળ્યો છે.";
    public string UnsubscribeLink => "અનસબ્સ્ક્રાઇબ કરો";
    public string TransactionalReason(string store) => $"આ ઇમેઇલ {store} પરના આપના રિવૉર્ડ ખાતા વિશે છે.";

    public string ConfirmHeading(string store) => $"{store} ના ઇમેઇલ બંધ કરવા છે?";
    public string ConfirmBody(string store) => $"આ પછી આપને {store} તરફથી ઑફર અને રિમાઇન્ડર નહીં મળે.";
    public string UnsubscribeButton => "અનસબ્સ્ક્રાઇબ કરો";
    public string DoneHeading => "આપ અનસબ્સ્ક્રાઇબ થઈ ગયા છો";
    public string StillGetOrderMessages => "આપના ઓર્ડર અને પોઇન્ટ વિશેના સંદેશા આપને મળતા રહેશે.";
    public string AlreadyDoneHeading => "આપ પહેલેથી જ અનસબ્સ્ક્રાઇબ થયેલા છો";
    public string AlreadyDoneBody(string store) => $"આપને {store} તરફથી ઑફર અને રિમાઇન્ડર નહીં મળે.";
    public string InvalidLinkHeading => "આ લિંક કામ કરતી નથી";
    public string InvalidLinkBody(string store) => $"કૃપા કરીને {store} ના કોઈ ઇમેઇલમાં આપેલી લિંકનો ઉપયોગ કરો, અથવા સ્ટોરનો સંપર્ક કરો.";
    public string ExpiredLinkHeading => "આ લિંકની મુદત પૂરી થઈ ગઈ છે";
    public string ExpiredLinkBody => "કોઈ નવા ઇમેઇલમાં આપેલી લિંકનો ઉપયોગ કરો, અથવા સ્ટોરનો સંપર્ક કરો.";
}
