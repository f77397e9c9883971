using Retention.Domain.Customers;
using Retention.Domain.Models;

namespace Retention.Domain.Tests.Models;

public sealed class CalibrationHoldoutTests
{
    private static readonly DateOnly CalibrationEnd = new(2024, 3, 31);

    private static CustomerTransaction Buy(string customer, string day, decimal amount = 10m) =>
        new(CustomerId.Parse(customer), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), amount);

    [Fact]
    public void Build_SameDayPurchases_CountOnceWithTheirAmountsSummed()
    {
        var split = CalibrationHoldout.Build(
            [Buy("c1", "2024-01-01", 5m), Buy("c1", "2024-01-11", 20m), Buy("c1", "2024-01-11", 30m), Buy("c1", "2024-01-01", 7m)],
            CalibrationEnd, ModelTimeUnit.Day);

        var customer = Assert.Single(split.Customers);
        Assert.Equal(1, customer.History.Frequency);
        Assert.Equal(10.0, customer.History.Recency);
        Assert.Equal(90.0, customer.History.Age);
        Assert.Equal(50m, customer.MeanRepeatSpend);
    }

    [Fact]
    public void Build_Weeks_AreFractionalDaysOverSeven()
    {
        var split = CalibrationHoldout.Build([Buy("c1", "2024-01-01"), Buy("c1", "2024-01-11"), Buy("c1", "2024-03-04")], CalibrationEnd, ModelTimeUnit.Week);

        var history = Assert.Single(split.Customers).History;
        Assert.Equal(2, history.Frequency);
        Assert.Equal(63 / 7.0, history.Recency, 1e-15);
        Assert.Equal(90 / 7.0, history.Age, 1e-15);
    }

    [Fact]
    public void Build_OneTimeBuyer_HasNoRepeatsAndNoSpend()
    {
        var split = CalibrationHoldout.Build([Buy("c1", "2024-03-31", 99m)], CalibrationEnd, ModelTimeUnit.Day);

        var customer = Assert.Single(split.Customers);
        Assert.Equal(RepeatHistory.Create(0, 0, 0), customer.History);
        Assert.Equal(0m, customer.MeanRepeatSpend);
    }

    [Fact]
    public void Build_HoldoutPurchases_AreDaysAfterCalibrationEndUpToHoldoutEnd()
    {
        var split = CalibrationHoldout.Build(
            [Buy("c1", "2024-01-01"), Buy("c1", "2024-03-31"), Buy("c1", "2024-04-01"), Buy("c1", "2024-04-01"), Buy("c1", "2024-04-30"), Buy("c1", "2024-05-01")],
            CalibrationEnd, ModelTimeUnit.Day, holdoutEnd: new DateOnly(2024, 4, 30));

        var customer = Assert.Single(split.Customers);
        Assert.Equal(1, customer.History.Frequency);
        Assert.Equal(2, customer.HoldoutPurchases);
        Assert.Equal(30.0, split.HoldoutLength);
    }

    [Fact]
    public void Build_FirstPurchaseAfterCalibrationEnd_IsLeftOutAndCounted()
    {
        var split = CalibrationHoldout.Build([Buy("c1", "2024-01-01"), Buy("c2", "2024-04-02"), Buy("c2", "2024-04-09")], CalibrationEnd, ModelTimeUnit.Day);

        Assert.Equal(["c1"], split.Customers.Select(c => c.Customer.Value));
        Assert.Equal(1, split.CustomersAfterCalibration);
        Assert.Equal(new DateOnly(2024, 4, 9), split.HoldoutEnd);
    }

    [Fact]
    public void Build_HoldoutEndBeforeCalibrationEnd_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            CalibrationHoldout.Build([Buy("c1", "2024-01-01")], CalibrationEnd, ModelTimeUnit.Day, new DateOnly(2024, 3, 30)));
    }

    [Fact]
    public void Build_NoTransactions_IsEmpty()
    {
        var split = CalibrationHoldout.Build([], CalibrationEnd, ModelTimeUnit.Week);

        Assert.Empty(split.Customers);
        Assert.Equal(0.0, split.HoldoutLength);
    }

    /// <summary>
    /// Customer 4 of the CDNOW sample is the worked example of Hardie's spreadsheet: x = 2, t_x = 30.43, T = 38.86
    /// (purchases 1997-01-01, 01-18, 08-02; one more on 1997-12-12, in the holdout).
    /// </summary>
    [Fact]
    public void Build_CdnowCustomerFour_MatchesHardiesWorkedExample()
    {
        var customer = Cdnow.Split.Customers.Single(c => c.Customer.Value == "00004");

        Assert.Equal(2, customer.History.Frequency);
        Assert.Equal(30.43, customer.History.Recency, 0.005);
        Assert.Equal(38.86, customer.History.Age, 0.005);
        Assert.Equal(1, customer.HoldoutPurchases);
        Assert.Equal((29.73m + 14.96m) / 2, customer.MeanRepeatSpend);
    }
}
