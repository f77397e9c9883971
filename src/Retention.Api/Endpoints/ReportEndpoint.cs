using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Retention.Api.Json;
using Retention.Application.Reports;
using Retention.Domain.Cohorts;

namespace Retention.Api.Endpoints;

/// <summary>
/// <c>GET /api/reports/retention?period=month|week&amp;asOf=YYYY-MM-DD&amp;mode=on|on-or-after&amp;values=count|percent&amp;format=json|csv|html</c>.
/// Defaults: month, yesterday in the store's zone, on, percent, json.
/// </summary>
public sealed class ReportEndpoint(GetRetentionReport report)
{
    public async Task<IResult> GetAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var errors = new ValidationErrors();
        var period = Choice(query, "period", errors, ("month", Granularity.Month), ("week", Granularity.Week));
        var mode = Choice(query, "mode", errors, ("on", RetentionMode.On), ("on-or-after", RetentionMode.OnOrAfter));
        var values = Choice(query, "values", errors, ("percent", ReportValues.Percent), ("count", ReportValues.Count));
        var format = Choice(query, "format", errors, ("json", "json"), ("csv", "csv"), ("html", "html"));
        DateOnly? asOf = null;
        if (query.TryGetValue("asOf", out var asOfText))
        {
            if (!DateOnly.TryParseExact(asOfText.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors.Add("asOf", "must be a date in the form YYYY-MM-DD");
            }
            else if (day > report.Today)
            {
                errors.Add("asOf", $"must not be after today ({report.Today:yyyy-MM-dd} in the store's time zone)");
            }
            else
            {
                asOf = day;
            }
        }
        if (!errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var snapshot = await report.ExecuteAsync(asOf, context.RequestAborted);
        var options = new ReportOptions(period, mode, values);
        var name = $"retention-{(period == Granularity.Month ? "month" : "week")}-{snapshot.AsOf:yyyy-MM-dd}";
        return format switch
        {
            "csv" => Download(context, ReportRenderer.Csv(snapshot, options), "text/csv; charset=utf-8", name + ".csv"),
            "html" => TypedResults.Text(ReportRenderer.Html(snapshot, options), "text/html; charset=utf-8", Encoding.UTF8),
            _ => TypedResults.Text(ReportRenderer.JsonDocument(snapshot, options), "application/json; charset=utf-8", Encoding.UTF8),
        };
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Download(HttpContext context, string body, string contentType, string fileName)
    {
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return TypedResults.Text(body, contentType, Encoding.UTF8);
    }

    private static T Choice<T>(IQueryCollection query, string name, ValidationErrors errors, params (string Text, T Value)[] choices)
    {
        if (!query.TryGetValue(name, out var given))
        {
            return choices[0].Value;
        }
        foreach (var (text, value) in choices)
        {
            if (string.Equals(given.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        errors.Add(name, "must be one of: " + string.Join(", ", choices.Select(c => c.Text)));
        return choices[0].Value;
    }
}
