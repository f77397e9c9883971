using System.Collections.Immutable;
using Retention.Application.Messages;
using Retention.Application.Messages.Templates;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Messages;
using Retention.Domain.Orders;

namespace Retention.Application.Tests.Messages;

/// <summary>Messages, brands and locales the template tests share.</summary>
internal static class TemplateSamples
{
    public static readonly DateTimeOffset At = new(2026, 11, 24, 10, 15, 0, TimeSpan.FromHours(5.5));
    public static readonly Uri UnsubscribeUrl = new("https://shop.example/api/unsubscribe?token=abc.def");
    public static readonly LocaleTag English = LocaleTag.Parse("en");

    /// <summary>When the points in <see cref="Full"/> expire: a date no other field has, so tests can tell them apart.</summary>
    public static readonly DateTimeOffset PointsExpireAt = new(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(5.5));

    /// <summary>The tag each test writes in, by language.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["en"] = "en-US",
        ["hi"] = "hi-IN",
        ["fa"] = "fa-IR",
        ["gu"] = "gu-IN",
        ["bn"] = "bn-BD",
    };

    public static readonly ImmutableArray<MessageItem> FiveItems =
    [
        new("Masala chai 250 g", 2, "TEA-CHAI-250"),
        new("Ceramic mug", 1, null),
        new("Tea strainer", 1, null),
        new("Honey 500 g", 1, null),
        new("Ginger biscuits", 3, null),
    ];

    public static TheoryData<string, string> TypesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in MessageType.All)
        {
            foreach (var language in Tags.Keys)
            {
                data.Add(type.Name, language);
            }
        }
        return data;
    }

    public static TheoryData<string> Languages()
    {
        var data = new TheoryData<string>();
        foreach (var language in Tags.Keys)
        {
            data.Add(language);
        }
        return data;
    }

    public static BrandOptions Brand(string? logoUrl = null) => new()
    {
        Name = "Chai & Co",
        Color = "#B45309",
        LogoUrl = logoUrl,
        ShopUrl = "https://shop.example/",
        PostalAddress = "Chai & Co, 12 MG Road, Pune 411001, India",
    };

    public static CouponOffer Coupon(string code = "THANKS-7KQ2") =>
        new(code, 15m, null, new Money(1000m, CurrencyCode.Parse("INR")), new DateTimeOffset(2026, 12, 8, 23, 59, 59, TimeSpan.FromHours(5.5)));

    /// <summary>Every field set, so each template shows all it can.</summary>
    public static MessageData Full(ImmutableArray<MessageItem>? items = null, CouponOffer? coupon = null) => new()
    {
        OrderId = OrderId.Parse("A-1001"),
        Items = items ?? FiveItems,
        Coupon = coupon ?? Coupon(),
        Points = 120,
        PointsBalance = 860,
        Tier = "Gold",
        PreviousTier = "Silver",
        OrderCount = 5,
        LastPurchaseAt = new DateTimeOffset(2026, 7, 14, 18, 0, 0, TimeSpan.FromHours(5.5)),
        DueAt = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.FromHours(5.5)),
        PointsExpireAt = PointsExpireAt,
        ReviewUrl = new Uri("https://shop.example/reviews/A-1001"),
    };

    public static RetentionMessage Message(string typeName, MessageData? data = null)
    {
        Assert.True(MessageType.TryParse(typeName, out var type));
        return Message(type, data);
    }

    public static RetentionMessage Message(MessageType type, MessageData? data = null) =>
        new($"{type.Name}:C-42:A-1001", type, CustomerId.Parse("C-42"), null, At, data ?? Full());

    public static ComposedEmail Compose(RetentionMessage message, string language, string? firstName = "Asha", BrandOptions? brand = null, Uri? unsubscribeUrl = null) =>
        CustomerEmailComposer.Compose(message, firstName, LocaleTag.Parse(Tags[language]), English, brand ?? Brand(), unsubscribeUrl ?? UnsubscribeUrl);

    public static TemplateLocale Locale(string language) => TemplateLocale.Choose(LocaleTag.Parse(Tags[language]), English);
}
