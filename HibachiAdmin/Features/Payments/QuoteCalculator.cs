namespace HibachiAdmin.Features.Payments;

/// <summary>
/// A quote's totals, in exact cents (every product rounded half away from zero to the cent as it is made, so the
/// lines the customer reads add up to the total): guests and children, add-ons (per guest or per item), the party
/// minimum (the larger of minimum guests × the adult price and the minimum total, charged as the difference),
/// gratuity on the food, sales tax on the food (not on travel or gratuity), travel as its own line, the deposit
/// (a share of the total, or a fixed amount, never above it) and the balance due some days before the party
/// (today if that is already past).
/// </summary>
public static class QuoteCalculator
{
    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static QuoteTotals Calculate(QuoteInput q)
    {
        var lines = new List<QuoteLine>();
        var guests = q.Adults + q.Children;
        var food = 0m;
        if (q.Adults > 0)
        {
            food += Add(lines, "Guests", q.Adults, q.AdultPrice, QuoteLineKind.Guests);
        }
        if (q.Children > 0)
        {
            food += Add(lines, "Children", q.Children, q.ChildPrice, QuoteLineKind.Guests);
        }
        foreach (var (addOn, quantity) in q.AddOns)
        {
            if (quantity > 0)
            {
                var count = addOn.PerGuest ? quantity * guests : quantity;
                food += Add(lines, addOn.PerGuest ? $"{addOn.Name} (per guest)" : addOn.Name, count, addOn.Price, QuoteLineKind.AddOn);
            }
        }
        var minimum = Math.Max(Cents(q.MinimumGuests * q.AdultPrice), q.MinimumTotal);
        if (food < minimum)
        {
            var shortfall = minimum - food;
            lines.Add(new QuoteLine($"Party minimum ({Formats(minimum)})", 1, shortfall, shortfall, QuoteLineKind.Minimum));
            food = minimum;
        }
        var travel = q.TravelFee ?? 0m;
        lines.Add(new QuoteLine(q.TravelZone is { Length: > 0 } zone ? $"Travel ({zone})" : "Travel", 1, travel, travel, QuoteLineKind.Travel));
        var gratuity = Cents(food * q.GratuityPercent / 100m);
        if (gratuity > 0)
        {
            lines.Add(new QuoteLine($"Gratuity {q.GratuityPercent:0.###}%", 1, gratuity, gratuity, QuoteLineKind.Gratuity));
        }
        var tax = Cents(food * q.TaxRatePercent / 100m);
        if (tax > 0)
        {
            lines.Add(new QuoteLine($"Sales tax {q.TaxRatePercent:0.###}%", 1, tax, tax, QuoteLineKind.Tax));
        }
        var total = food + travel + gratuity + tax;
        var deposit = q.DepositFixed > 0 ? Math.Min(q.DepositFixed, total) : Cents(total * q.DepositPercent / 100m);
        var due = q.EventDate.AddDays(-q.BalanceDueDays);
        return new QuoteTotals(lines, food, travel, gratuity, tax, total, deposit, total - deposit, due < q.Today ? q.Today : due);
    }

    private static decimal Add(List<QuoteLine> lines, string label, int quantity, decimal unit, QuoteLineKind kind)
    {
        var amount = Cents(quantity * unit);
        lines.Add(new QuoteLine(label, quantity, unit, amount, kind));
        return amount;
    }

    private static string Formats(decimal amount) => Common.Formats.Cents(amount);
}
