namespace Retention.Application.Import;

/// <summary>Why rows are skipped on purpose (not errors). The summary counts rows per reason.</summary>
public static class SkipReasons
{
    public const string NoCustomer = "no customer id";
    public const string NoCustomerOrEmail = "no customer id or email";
    public const string GuestWithoutEmail = "guest order without billing email";
    public const string ReturnWithoutInvoice = "return without an earlier invoice of the customer in the file";
    public const string ZeroReturn = "return of zero amount";
    public const string AdjustmentInvoice = "adjustment invoice (InvoiceNo starting with A)";

    public static string NotPaid(string what, string status) => $"{what} {status} (not paid)";
}
