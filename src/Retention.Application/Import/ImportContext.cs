using Retention.Domain.Amounts;
using Retention.Domain.Calendar;

namespace Retention.Application.Import;

/// <summary>What every reader needs: the store's calendar (for times without an offset), currencies and the clock.</summary>
/// <param name="StoreCurrency">For rows without a currency when <paramref name="RequestedCurrency"/> is null.</param>
/// <param name="RequestedCurrency">The currency the user asked for (--currency), or null.</param>
/// <param name="Now">Purchases after now (plus the allowed clock skew) are rejected.</param>
internal sealed record ImportContext(StoreCalendar Calendar, CurrencyCode StoreCurrency, CurrencyCode? RequestedCurrency, DateTimeOffset Now)
{
    public CurrencyCode DefaultCurrency => RequestedCurrency ?? StoreCurrency;
}
