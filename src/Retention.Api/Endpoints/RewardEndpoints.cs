using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Retention.Api.Json;
using Retention.Application.Rewards;
using Retention.Domain.Amounts;
using Retention.Domain.Customers;
using Retention.Domain.Purchases;
using Retention.Domain.Rewards;

namespace Retention.Api.Endpoints;

/// <summary>The storefront's checkout calls: a customer's benefits, and whether a coupon code applies to a basket.</summary>
public sealed class RewardEndpoints(GetBenefits benefits)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary><c>GET /api/customers/{customerId}/benefits</c>: 200 with points, tier, active coupons and the referral code; 404 for an unknown customer.</summary>
    public async Task<IResult> GetAsync(HttpContext context, string customerIdText)
    {
        if (!CustomerId.TryParse(RawPath.SegmentAfter(context, "customers") ?? customerIdText, out var customerId, out var error))
        {
            return Problems.Field("customerId", error.Reason, StatusCodes.Status400BadRequest);
        }
        if (await benefits.ExecuteAsync(customerId, context.RequestAborted) is not { } found)
        {
            return Problems.NotFound($"No purchase of customer '{customerId}' was recorded.");
        }
        return TypedResults.Json(new
        {
            customerId = customerId.Value,
            currency = found.Currency,
            points = found.Points is { } points
                ? new { balance = points.Points, expiresAt = points.ExpiresAt, history = found.PointsHistory.Select(e => new { at = e.At, points = e.Points, kind = e.Kind }).ToArray() }
                : null,
            tier = found.Tier?.Name,
            spendLast12Months = Amount(found.RollingSpend),
            nextTier = found.NextTier is { } next ? new { name = next.Tier.Name, spendToReach = Amount(next.Remaining) } : null,
            coupons = found.Coupons.Select(Coupon).ToArray(),
            referralCode = found.ReferralCode,
        }, Json);
    }

    /// <summary>
    /// <c>POST /api/coupons/{code}/validate</c> with <c>{"customerId", "total", "currency"}</c> (the basket): 200
    /// <c>{"valid": true, "coupon": {...}, "discount": "15.00"}</c> or <c>{"valid": false, "reason": "expired"}</c>.
    /// </summary>
    public async Task<IResult> ValidateAsync(HttpContext context, string codeText)
    {
        var code = RawPath.SegmentAfter(context, "coupons") ?? codeText;
        var errors = new ValidationErrors();
        if (PurchaseRules.CheckText(code) is { } codeError)
        {
            errors.Add("code", codeError.Reason);
        }
        var (document, problem) = await JsonBody.ReadAsync(context.Request, 64 * 1024, allowEmpty: false, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }
        using (document)
        {
            var fields = new JsonFields(document!.RootElement, "$", errors);
            if (!fields.IsObject())
            {
                return Problems.Validation(errors);
            }
            CustomerId? customerId = null;
            if (fields.String("customerId", required: true) is { } customerText)
            {
                if (CustomerId.TryParse(customerText, out var parsed, out var idError))
                {
                    customerId = parsed;
                }
                else
                {
                    errors.Add("$.customerId", idError.Reason);
                }
            }
            var total = fields.Decimal("total", required: true);
            if (total is < 0)
            {
                errors.Add("$.total", "must be zero or more");
            }
            CurrencyCode? currency = null;
            if (fields.String("currency", required: true) is { } currencyText)
            {
                if (CurrencyCode.TryParse(currencyText, out var parsedCurrency, out var currencyError))
                {
                    currency = parsedCurrency;
                }
                else
                {
                    errors.Add("$.currency", currencyError.Reason);
                }
            }
            if (!errors.IsEmpty || customerId is null || total is null || currency is null)
            {
                return Problems.Validation(errors);
            }
            var basket = new Money(total.Value, currency.Value);
            var (coupon, whyNot) = await benefits.ValidateAsync(customerId.Value, code, basket, context.RequestAborted);
            if (whyNot is not null || coupon is null)
            {
                return TypedResults.Json(new { valid = false, reason = whyNot ?? "unknown-code" }, Json);
            }
            var discount = coupon.AmountOff is { } off ? Math.Min(off.Amount, basket.Amount)
                : Math.Round(basket.Amount * (coupon.PercentOff ?? 0) / 100m, currency.Value.MinorUnits, MidpointRounding.ToEven);
            return TypedResults.Json(new { valid = true, coupon = Coupon(coupon), discount = new Money(discount, currency.Value).FormatAmount() }, Json);
        }
    }

    private static object Coupon(Coupon c) => new
    {
        code = c.Code,
        percentOff = c.PercentOff,
        amountOff = c.AmountOff?.FormatAmount(),
        minimumSpend = c.MinimumSpend?.FormatAmount(),
        currency = (c.AmountOff ?? c.MinimumSpend)?.Currency.Code,
        expiresAt = c.ExpiresAt,
    };

    private static string Amount(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
