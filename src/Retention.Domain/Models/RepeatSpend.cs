namespace Retention.Domain.Models;

/// <summary>
/// One customer's spend as the Gamma-Gamma model sees it: <paramref name="Frequency"/> x = repeat purchases and
/// <paramref name="MeanSpend"/> m_x = the mean value of those repeat purchases (the first purchase left out, as in
/// Fader &amp; Hardie's note 025), in the store currency. Customers with x = 0 carry no spend information and are left
/// out of a fit; m_x must then be 0.
/// </summary>
public readonly record struct RepeatSpend(int Frequency, decimal MeanSpend);
