using HibachiAdmin.Features.QrCodes;
using Microsoft.AspNetCore.Http;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>Which daily rows a batch of scans adds to: one per dimension, bots apart, new visitors counted, the city labelled.</summary>
public sealed class QrRedirectTestsOfAggregates
{
    private static readonly Guid Code = Guid.NewGuid();
    private static readonly DateOnly Day = new(2026, 12, 1);

    private static QrScan Scan(int hour, bool isNew = false, bool bot = false, ScanChannel channel = ScanChannel.Printed, string? country = null,
        string? region = null, string? city = null, DeviceType device = DeviceType.Mobile, string os = "iOS", string browser = "Safari", int day = 1) => new()
    {
        QrCodeId = Code, At = new DateTime(2026, 12, day, hour, 59, 59, DateTimeKind.Utc), IsNewVisitor = isNew, IsBot = bot, Channel = channel,
        Country = country, Region = region, City = city, Device = device, Os = os, Browser = browser,
    };

    private static QrAggregates.Key K(string dimension, string value, bool bot = false, DateOnly? day = null) => new(Code, day ?? Day, dimension, value, bot);

    [Fact]
    public void Each_scan_adds_one_to_a_row_per_dimension_and_new_visitors_to_the_same_rows()
    {
        var rows = QrAggregates.Of([
            Scan(0, isNew: true, country: "US", region: "Florida", city: "Miami"),
            Scan(23, channel: ScanChannel.Link, country: "US", city: "Miami", os: "Android", browser: "Chrome"),
            Scan(12, bot: true, device: DeviceType.Bot, os: "Unknown", browser: "Googlebot"),
            Scan(0, isNew: true, day: 2),
        ]);
        var expected = new Dictionary<QrAggregates.Key, (long, long)>
        {
            [K("total", "")] = (2, 1),
            [K("device", "Mobile")] = (2, 1),
            [K("os", "iOS")] = (1, 1),
            [K("os", "Android")] = (1, 0),
            [K("browser", "Safari")] = (1, 1),
            [K("browser", "Chrome")] = (1, 0),
            [K("country", "US")] = (2, 1),
            [K("city", "Miami, Florida, US")] = (1, 1),
            [K("city", "Miami, US")] = (1, 0),
            [K("channel", "Printed")] = (1, 1),
            [K("channel", "Link")] = (1, 0),
            [K("total", "", true)] = (1, 0),
            [K("device", "Bot", true)] = (1, 0),
            [K("os", "Unknown", true)] = (1, 0),
            [K("browser", "Googlebot", true)] = (1, 0),
            [K("country", "", true)] = (1, 0),
            [K("city", "", true)] = (1, 0),
            [K("channel", "Printed", true)] = (1, 0),
            [K("total", "", day: Day.AddDays(1))] = (1, 1),
            [K("device", "Mobile", day: Day.AddDays(1))] = (1, 1),
            [K("os", "iOS", day: Day.AddDays(1))] = (1, 1),
            [K("browser", "Safari", day: Day.AddDays(1))] = (1, 1),
            [K("country", "", day: Day.AddDays(1))] = (1, 1),
            [K("city", "", day: Day.AddDays(1))] = (1, 1),
            [K("channel", "Printed", day: Day.AddDays(1))] = (1, 1),
        };
        Assert.Equal(expected.OrderBy(e => e.Key.ToString()).Select(e => (e.Key, e.Value)),
            rows.OrderBy(e => e.Key.ToString()).Select(e => (e.Key, ((long, long))e.Value)));
    }

    [Fact]
    public void A_scan_placed_in_a_region_but_no_city_counts_under_no_city_not_under_its_region()
    {
        var rows = QrAggregates.Of([Scan(0, isNew: true, country: "US", region: "Florida")]);
        Assert.Equal((1L, 1L), rows[K("city", "")]);
        Assert.DoesNotContain(rows.Keys, k => k.Dimension == "city" && k.Value != "");
    }

    [Fact]
    public void No_scans_no_rows() => Assert.Empty(QrAggregates.Of([]));

    [Theory]
    [InlineData("Miami", "Florida", "US", "Miami, Florida, US")]
    [InlineData("Miami", null, "US", "Miami, US")]
    [InlineData("Miami", "", "", "Miami")]
    [InlineData("Miami", "Florida", null, "Miami, Florida")]
    public void The_city_label_names_the_parts_it_has(string city, string? region, string? country, string expected) =>
        Assert.Equal(expected, QrAggregates.CityLabel(city, region, country));

    [Fact]
    public void The_city_label_fits_the_column()
    {
        Assert.Equal(new string('a', 96) + ", US", QrAggregates.CityLabel(new string('a', 96), null, "US"));
        Assert.Equal(new string('a', 96) + ", US", QrAggregates.CityLabel(new string('a', 96), null, "USA"));
        Assert.Equal(new string('a', 100), QrAggregates.CityLabel(new string('a', 101), null, null));
    }
}
