using System.Text;
using Retention.Application.Email;
using Retention.Domain.Customers;

namespace Retention.Infrastructure.Tests.Email;

/// <summary>Messages shaped like the report email: HTML with an inline chart, a text alternative, a CSV download.</summary>
internal static class TestEmails
{
    /// <summary>A 1×1 transparent PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>UTF-8 with a BOM and CRLF line ends, so that any re-encoding on the way would show.</summary>
    public static readonly byte[] Csv = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("cohort,size,m1\r\n2026-10,120,0.25\r\nMünchen,3,\"1,0\"\r\n")];

    public static EmailMessage Report(string idempotencyKey, params string[] to) => new(
        EmailAddress.Parse("reports@shop.example"),
        [.. (to.Length == 0 ? ["owner@shop.example", "analyst@shop.example"] : to).Select(EmailAddress.Parse)],
        "Rétention — novembre 2026",
        "<html><body><h1>Rétention</h1><img src=\"cid:chart\" alt=\"chart\"></body></html>",
        "Rétention: 25 % des clients reviennent.",
        [
            new EmailAttachment("chart.png", "image/png", Png, ContentId: "chart"),
            new EmailAttachment("cohorts.csv", "text/csv", Csv),
        ],
        idempotencyKey);

    public static EmailMessage Plain(string idempotencyKey, params string[] to) => Report(idempotencyKey, to) with { Attachments = [] };
}
