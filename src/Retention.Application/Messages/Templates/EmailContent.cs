namespace Retention.Application.Messages.Templates;

/// <summary>What one customer email says, in its language, before it becomes HTML and plain text.</summary>
/// <param name="Paragraphs">Sentences before the coupon box, one paragraph each.</param>
/// <param name="Unsubscribe">The unsubscribe link of a marketing email; null for transactional ones.</param>
internal sealed record EmailContent(
    string Subject,
    string Heading,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    CouponBox? Coupon,
    string ButtonText,
    string ButtonUrl,
    string FooterReason,
    Uri? Unsubscribe)
{
    /// <summary>Every sentence a reader sees, for checks that a language is fully translated.</summary>
    public IEnumerable<string> Sentences()
    {
        yield return Subject;
        yield return Heading;
        yield return Greeting;
        foreach (var paragraph in Paragraphs)
        {
            yield return paragraph;
        }
        if (Coupon is not null)
        {
            yield return Coupon.Label;
            foreach (var detail in Coupon.Details)
            {
                yield return detail;
            }
            yield return Coupon.Hint;
        }
        yield return ButtonText;
        yield return FooterReason;
    }
}

/// <param name="Code">Exactly as the store issued it: shown left to right in a monospace box, never transliterated.</param>
/// <param name="Details">Value, minimum spend and expiry, one line each.</param>
internal sealed record CouponBox(string Label, string Code, IReadOnlyList<string> Details, string Hint);
