using Retention.Domain.Customers;

namespace Retention.Domain.Models;

/// <summary>One purchase for the models: who, on which store day, and its value in the store currency.</summary>
public readonly record struct CustomerTransaction(CustomerId Customer, DateOnly Day, decimal Amount);
