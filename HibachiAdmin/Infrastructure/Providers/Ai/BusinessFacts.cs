using System.Globalization;

namespace HibachiAdmin.Infrastructure.Providers.Ai;

/// <summary>The business facts replies may use (<c>Business:</c> settings).</summary>
public sealed record BusinessFacts(string Name, decimal? PricePerPerson, int? MinimumGuests, string? ServiceArea, string? Faq, string? Phone)
{
    public static BusinessFacts From(IConfiguration configuration)
    {
        var s = configuration.GetSection("Business");
        return new BusinessFacts(s["Name"] ?? "our team",
            decimal.TryParse(s["PricePerPerson"], NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null,
            int.TryParse(s["MinimumGuests"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var min) ? min : null,
            s["ServiceArea"], s["Faq"], s["Phone"] is { Length: > 0 } phone ? Common.PhoneText.Display(phone) : null);
    }

    public string Price => PricePerPerson is { } p ? p.ToString(p % 1 == 0 ? "C0" : "C2", CultureInfo.GetCultureInfo("en-US")) : "";
}
