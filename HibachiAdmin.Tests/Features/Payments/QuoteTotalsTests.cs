using HibachiAdmin.Features.Payments;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>Quote totals to the exact cent: guests, children, add-ons, the party minimum, travel, gratuity, tax, deposit, balance date.</summary>
public sealed class QuoteTotalsTests
{
    private static readonly DateOnly Party = new(2026, 12, 19);
    private static readonly DateOnly Today = new(2026, 11, 24);

    private static QuoteInput Input(int adults = 20, int children = 0, decimal adultPrice = 60m, decimal childPrice = 30m,
        IReadOnlyList<(AddOn, int)>? addOns = null, decimal? travel = null, string? zone = null, decimal gratuity = 18m, decimal tax = 8.875m,
        int minimumGuests = 10, decimal minimumTotal = 600m, decimal depositPercent = 25m, decimal depositFixed = 0m, int balanceDays = 3, DateOnly? party = null) =>
        new(adults, children, adultPrice, childPrice, addOns ?? [], travel, zone, gratuity, tax, minimumGuests, minimumTotal, depositPercent, depositFixed,
            balanceDays, party ?? Party, Today);

    private static AddOn PerGuest(string name, decimal price) => new() { Id = Guid.NewGuid(), Name = name, Price = price, PerGuest = true };
    private static AddOn Flat(string name, decimal price) => new() { Id = Guid.NewGuid(), Name = name, Price = price };

    [Fact]
    public void Twenty_adults_at_60_with_18_percent_gratuity_and_8_875_percent_tax()
    {
        var q = QuoteCalculator.Calculate(Input(travel: 50m, zone: "Queens"));
        Assert.Equal(1200m, q.Subtotal);
        Assert.Equal(216m, q.Gratuity);
        Assert.Equal(106.50m, q.Tax);
        Assert.Equal(50m, q.Travel);
        Assert.Equal(1572.50m, q.Total);
        Assert.Equal(393.13m, q.Deposit); // 25% of 1572.50 = 393.125, half away from zero
        Assert.Equal(1179.37m, q.Balance);
        Assert.Equal(q.Total, q.Deposit + q.Balance);
        Assert.Equal(new DateOnly(2026, 12, 16), q.BalanceDueDate);
        Assert.Equal(["Guests", "Travel (Queens)", "Gratuity 18%", "Sales tax 8.875%"], q.Lines.Select(l => l.Label));
        Assert.Equal(q.Total, q.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Children_and_add_ons_per_guest_and_per_item_are_their_own_lines()
    {
        var filet = PerGuest("Filet", 10m);
        var gyoza = Flat("Gyoza tray", 45m);
        var q = QuoteCalculator.Calculate(Input(adults: 12, children: 3, addOns: [(filet, 1), (gyoza, 2)], gratuity: 0, tax: 0));
        Assert.Equal([720m, 90m, 150m, 90m, 0m], q.Lines.Select(l => l.Amount));
        Assert.Equal("Filet (per guest)", q.Lines[2].Label);
        Assert.Equal(15, q.Lines[2].Quantity);
        Assert.Equal(2, q.Lines[3].Quantity);
        Assert.Equal(1050m, q.Total);
    }

    [Fact]
    public void A_party_of_only_children_has_no_guests_line()
    {
        var q = QuoteCalculator.Calculate(Input(adults: 0, children: 8, minimumGuests: 0, minimumTotal: 0, gratuity: 0, tax: 0, zone: ""));
        Assert.Equal([("Children", 8, 240m), ("Travel", 1, 0m)], q.Lines.Select(l => (l.Label, l.Quantity, l.Amount)));
        Assert.Equal(240m, q.Total);
    }

    [Fact]
    public void An_add_on_with_quantity_zero_adds_no_line()
    {
        var q = QuoteCalculator.Calculate(Input(addOns: [(Flat("Edamame", 25m), 0)], gratuity: 0, tax: 0));
        Assert.DoesNotContain(q.Lines, l => l.Kind == QuoteLineKind.AddOn);
    }

    [Fact]
    public void Below_the_minimum_guests_the_difference_is_charged_as_a_minimum_line()
    {
        // 6 guests × 60 = 360; minimum 10 × 60 = 600 (and the minimum total is 500): 240 more.
        var q = QuoteCalculator.Calculate(Input(adults: 6, minimumTotal: 500m, gratuity: 0, tax: 0));
        var minimum = Assert.Single(q.Lines, l => l.Kind == QuoteLineKind.Minimum);
        Assert.Equal(("Party minimum ($600.00)", 1, 240m, 240m), (minimum.Label, minimum.Quantity, minimum.Unit, minimum.Amount));
        Assert.Equal(600m, q.Subtotal);
        Assert.Equal(600m, q.Total);
    }

    [Fact]
    public void The_minimum_total_wins_when_it_is_larger_than_the_guest_minimum()
    {
        var q = QuoteCalculator.Calculate(Input(adults: 10, minimumTotal: 750m, gratuity: 10m, tax: 0));
        Assert.Equal(150m, Assert.Single(q.Lines, l => l.Kind == QuoteLineKind.Minimum).Amount);
        Assert.Equal(750m, q.Subtotal);
        Assert.Equal(75m, q.Gratuity); // on the food including the minimum
        Assert.Equal(825m, q.Total);
    }

    [Fact]
    public void Exactly_at_the_minimum_there_is_no_minimum_line()
    {
        var q = QuoteCalculator.Calculate(Input(adults: 10, minimumTotal: 600m));
        Assert.DoesNotContain(q.Lines, l => l.Kind == QuoteLineKind.Minimum);
    }

    [Fact]
    public void Travel_is_not_taxed_nor_tipped_and_is_shown_even_when_free()
    {
        var withTravel = QuoteCalculator.Calculate(Input(travel: 100m, zone: "Long Island"));
        var without = QuoteCalculator.Calculate(Input(travel: 0m, zone: "Manhattan"));
        Assert.Equal(without.Tax, withTravel.Tax);
        Assert.Equal(without.Gratuity, withTravel.Gratuity);
        Assert.Equal(100m, withTravel.Total - without.Total);
        Assert.Equal(0m, Assert.Single(without.Lines, l => l.Kind == QuoteLineKind.Travel).Amount);
        Assert.Equal("Travel", Assert.Single(QuoteCalculator.Calculate(Input()).Lines, l => l.Kind == QuoteLineKind.Travel).Label);
    }

    [Theory]
    [InlineData(7, 60, 8.875, 420, 37.28)]   // 37.275 → 37.28 (half away from zero)
    [InlineData(3, 19.99, 8.875, 59.97, 5.32)] // 5.3223…
    [InlineData(1, 0.01, 50, 0.01, 0.01)]     // 0.005 → 0.01
    [InlineData(13, 33.33, 7, 433.29, 30.33)] // 30.3303
    public void Tax_is_rounded_to_the_cent_half_away_from_zero(int adults, double price, double rate, double food, double tax)
    {
        var q = QuoteCalculator.Calculate(Input(adults: adults, adultPrice: (decimal)price, minimumGuests: 0, minimumTotal: 0, gratuity: 0, tax: (decimal)rate));
        Assert.Equal((decimal)food, q.Subtotal);
        Assert.Equal((decimal)tax, q.Tax);
        Assert.Equal(q.Subtotal + q.Tax, q.Total);
    }

    [Fact]
    public void Gratuity_is_rounded_to_the_cent_and_labelled_with_its_rate()
    {
        var q = QuoteCalculator.Calculate(Input(adults: 7, adultPrice: 33.33m, minimumGuests: 0, minimumTotal: 0, gratuity: 17.5m, tax: 0));
        Assert.Equal(233.31m, q.Subtotal);
        Assert.Equal(40.83m, q.Gratuity); // 40.82925
        Assert.Equal("Gratuity 17.5%", Assert.Single(q.Lines, l => l.Kind == QuoteLineKind.Gratuity).Label);
    }

    [Fact]
    public void No_gratuity_or_tax_line_at_zero_percent()
    {
        var q = QuoteCalculator.Calculate(Input(gratuity: 0, tax: 0));
        Assert.DoesNotContain(q.Lines, l => l.Kind is QuoteLineKind.Gratuity or QuoteLineKind.Tax);
    }

    [Fact]
    public void A_fixed_deposit_is_taken_as_is_and_never_above_the_total()
    {
        Assert.Equal(200m, QuoteCalculator.Calculate(Input(depositFixed: 200m)).Deposit);
        var small = QuoteCalculator.Calculate(Input(adults: 1, adultPrice: 50m, minimumGuests: 0, minimumTotal: 0, gratuity: 0, tax: 0, depositFixed: 200m));
        Assert.Equal(50m, small.Deposit);
        Assert.Equal(0m, small.Balance);
    }

    [Fact]
    public void The_balance_is_due_days_before_the_party_but_never_before_today()
    {
        Assert.Equal(new DateOnly(2026, 12, 12), QuoteCalculator.Calculate(Input(balanceDays: 7)).BalanceDueDate);
        Assert.Equal(Today, QuoteCalculator.Calculate(Input(balanceDays: 7, party: Today.AddDays(2))).BalanceDueDate);
        Assert.Equal(Today.AddDays(1), QuoteCalculator.Calculate(Input(balanceDays: 1, party: Today.AddDays(2))).BalanceDueDate);
    }

    [Fact]
    public void Every_total_is_in_whole_cents_and_the_lines_add_up()
    {
        var random = new Random(25);
        for (var i = 0; i < 500; i++)
        {
            var q = QuoteCalculator.Calculate(Input(adults: random.Next(0, 60), children: random.Next(0, 10), adultPrice: random.Next(100, 15000) / 100m,
                childPrice: random.Next(0, 5000) / 100m, addOns: [(PerGuest("P", random.Next(0, 2000) / 100m), random.Next(0, 2)), (Flat("F", random.Next(0, 9000) / 100m), random.Next(0, 4))],
                travel: random.Next(0, 20000) / 100m, gratuity: random.Next(0, 250) / 10m, tax: random.Next(0, 12000) / 1000m, depositPercent: random.Next(0, 100)));
            foreach (var amount in new[] { q.Subtotal, q.Gratuity, q.Tax, q.Total, q.Deposit, q.Balance }.Concat(q.Lines.Select(l => l.Amount)))
            {
                Assert.Equal(decimal.Round(amount, 2), amount);
            }
            Assert.Equal(q.Total, q.Lines.Sum(l => l.Amount));
            Assert.Equal(q.Total, q.Deposit + q.Balance);
            Assert.InRange(q.Deposit, 0m, q.Total);
        }
    }

    [Theory]
    [InlineData("10001", "Manhattan")]
    [InlineData("10301", "Staten Island")]  // the 5-digit entry beats the 103 prefix
    [InlineData("10314", "Outer boroughs")]
    [InlineData("11201-1234", "Manhattan")]
    [InlineData("90210", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("1a001", null)]
    public void The_longest_matching_ZIP_or_prefix_picks_the_travel_zone(string? zip, string? zone)
    {
        TravelZone[] zones =
        [
            new() { Name = "Manhattan", Zips = "100, 112" },
            new() { Name = "Outer boroughs", Zips = "103 104" },
            new() { Name = "Staten Island", Zips = "10301" },
        ];
        Assert.Equal(zone, TravelZones.Match(zones, zip)?.Name);
    }
}
