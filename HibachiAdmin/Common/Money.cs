using System.Globalization;

namespace HibachiAdmin.Common;

/// <summary>Money in US dollars: bounded and in whole cents, so it is stored and summed exactly.</summary>
public static class Money
{
    /// <summary>A lead's estimated value or a deposit: 0 to 1,000,000.</summary>
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>A price per guest: above 0, at most 10,000.</summary>
    public const decimal MaxPricePerPerson = 10_000m;

    /// <summary>Adds an error under <paramref name="field"/> unless min ≤ value ≤ max (min excluded when <paramref name="positive"/>) in whole cents.</summary>
    public static void Validate(Dictionary<string, string[]> errors, string field, decimal? value, decimal max, bool positive = false)
    {
        if (value is not { } amount || errors.ContainsKey(field))
        {
            return;
        }
        var inRange = (positive ? amount > 0 : amount >= 0) && amount <= max;
        if (!inRange || decimal.Round(amount, 2) != amount)
        {
            errors[field] = [string.Create(CultureInfo.InvariantCulture,
                $"Expected an amount in US dollars {(positive ? "above 0" : "from 0")} up to {max:#,0}, in whole cents.")];
        }
    }
}
