using Retention.Domain.Customers;

namespace Retention.Domain.Models;

/// <summary>
/// A customer on the report's at-risk list: valuable if still a customer, but perhaps gone. Ids only, no personal data.
/// Money is in the store currency, rounded to 0.01.
/// </summary>
/// <param name="ProbabilityAlive">P(alive) as of the end of the calibration period, from 0 to 1 (BG/NBD).</param>
/// <param name="LastPurchase">The store day of the customer's last counted purchase up to the calibration end.</param>
/// <param name="Clv12Months">Expected value of the customer's purchases in the next 12 months, discounted (P(alive) included).</param>
/// <param name="ValueLost">(1 − P(alive)) × the 12-month value if the customer is still alive: what the store expects to
/// lose because the customer may have left. Always ≥ 0; the list is ranked by it.</param>
public sealed record AtRiskCustomer(CustomerId CustomerId, double ProbabilityAlive, DateOnly LastPurchase, decimal Clv12Months, decimal ValueLost);
