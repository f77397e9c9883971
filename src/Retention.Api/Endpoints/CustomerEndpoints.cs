using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Retention.Application.Customers;
using Retention.Domain.Customers;
using Retention.Domain.Orders;
using Retention.Domain.Rewards;

namespace Retention.Api.Endpoints;

/// <summary>A customer's rights over their data: access (export) and erasure.</summary>
public sealed class CustomerEndpoints(ExportCustomer export, EraseCustomer erase)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary><c>GET /api/customers/{customerId}/export</c>: everything we hold about the customer, as JSON; 404 when nothing.</summary>
    public async Task<IResult> ExportAsync(HttpContext context, string customerIdText)
    {
        if (!TryCustomer(context, customerIdText, out var customerId, out var problem))
        {
            return problem!;
        }
        var found = await export.ExecuteAsync(customerId, context.RequestAborted);
        return found is null ? Problems.NotFound($"We hold nothing about customer '{customerId}'.") : TypedResults.Json(Document(found), Json);
    }

    /// <summary><c>POST /api/customers/{customerId}/erase</c>: removes the customer's personal data; 200 (also when erased before), 404 when unknown.</summary>
    public async Task<IResult> EraseAsync(HttpContext context, string customerIdText)
    {
        if (!TryCustomer(context, customerIdText, out var customerId, out var problem))
        {
            return problem!;
        }
        return await erase.ExecuteAsync(customerId, context.RequestAborted)
            ? TypedResults.Json(new { customerId = customerId.Value, erased = true }, Json)
            : Problems.NotFound($"We hold nothing about customer '{customerId}'.");
    }

    /// <summary>The export as plain JSON (also the body Shopify's customers/data_request is answered with).</summary>
    public static object Document(CustomerExport e) => new
    {
        customerId = e.CustomerId.Value,
        exportedAt = e.ExportedAt,
        contact = new
        {
            email = e.Contact.Email?.Value.Value,
            firstName = e.Contact.FirstName?.Value,
            locale = e.Contact.Locale?.Value.Value,
            marketingConsent = e.Contact.MarketingConsent?.Value,
        },
        orders = e.Orders.Select(Order).ToArray(),
        consent = new { marketingConsent = e.Consent.Marketing?.Value, changedAt = e.Consent.Marketing?.At, unsubscribedAt = e.Consent.UnsubscribedAt },
        loyalty = new
        {
            referralCode = e.Loyalty.ReferralCode,
            referredBy = e.Loyalty.ReferredBy?.Value,
            referred = e.Loyalty.Referred.Select(r => r.Value).ToArray(),
            tierAnnounced = e.Loyalty.NotifiedTier,
            coupons = e.Loyalty.Coupons.Select(Coupon).ToArray(),
        },
        messages = e.Messages.Select(m => new { m.MessageId, m.Type, outcome = m.Outcome.ToString(), m.Reason, m.Language, m.RecordedAt }).ToArray(),
        decisions = e.Decisions.Select(d => new { d.MessageId, d.Programme, d.DecidedAt, d.HeldOut }).ToArray(),
    };

    private static object Order(Order o)
    {
        var p = o.Purchase;
        return new
        {
            orderId = p.OrderId.Value,
            purchasedAt = p.PurchasedAt,
            currency = p.Total.Currency.Code,
            total = p.Total.FormatAmount(),
            netTotal = o.NetTotal.FormatAmount(),
            email = p.Email?.Value,
            firstName = p.FirstName,
            locale = p.Locale?.Value,
            marketingConsent = p.MarketingConsent,
            items = p.Lines.Select(l => new { l.Sku, l.Name, l.Quantity, l.UnitPrice, l.Category }).ToArray(),
            discountCodes = p.DiscountCodes.ToArray(),
            referralCode = p.ReferralCode,
            test = p.IsTest,
            refunds = o.Refunds.Select(r => new { refundId = r.RefundId.Value, amount = r.Amount.FormatAmount(), r.RefundedAt, r.Reason }).ToArray(),
            cancelledAt = o.Cancellation?.CancelledAt,
            recordedAt = o.RecordedAt,
        };
    }

    private static object Coupon(Coupon c) => new
    {
        code = c.Code,
        c.Source,
        c.PercentOff,
        amountOff = c.AmountOff?.FormatAmount(),
        minimumSpend = c.MinimumSpend?.FormatAmount(),
        c.ExpiresAt,
        state = c.State.ToString(),
        redeemedBy = c.RedeemedBy?.Value,
    };

    private static bool TryCustomer(HttpContext context, string text, out CustomerId customerId, out IResult? problem)
    {
        if (CustomerId.TryParse(RawPath.SegmentAfter(context, "customers") ?? text, out customerId, out var error))
        {
            problem = null;
            return true;
        }
        problem = Problems.Field("customerId", error.Reason, StatusCodes.Status400BadRequest);
        return false;
    }
}
