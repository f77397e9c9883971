using Retention.Domain.Customers;

namespace Retention.Application.Models;

/// <summary>A customer's predictions as last stored by the nightly job.</summary>
/// <param name="AsOf">The as-of day of the run that wrote them: they say nothing about purchases after it.</param>
public sealed record StoredPrediction(CustomerId CustomerId, DateOnly AsOf, CustomerPrediction Prediction);
