using System.Net;
using HibachiAdmin.Features.QrCodes;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>The redirect's pure parts, pinned exactly: Location and UTM order, slugs, validity window edges, URL rules, address anonymisation.</summary>
public sealed class QrLinksTests
{
    private static QrTarget Target(string? url, string source = "table", string medium = "qr", string? campaign = null, string? content = null,
        bool inquiry = false, bool active = true, DateTime? from = null, DateTime? until = null) =>
        new(Guid.NewGuid(), "abc2345", url, inquiry, source, medium, campaign, content, active, from, until);

    [Theory]
    [InlineData("https://hibachi.example/menu", "https://hibachi.example/menu?utm_source=table&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall-table-7")]
    [InlineData("https://hibachi.example/menu?lang=en", "https://hibachi.example/menu?lang=en&utm_source=table&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall-table-7")]
    [InlineData("https://hibachi.example/menu?", "https://hibachi.example/menu?utm_source=table&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall-table-7")]
    [InlineData("https://hibachi.example/menu?a=1&", "https://hibachi.example/menu?a=1&utm_source=table&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall-table-7")]
    [InlineData("https://hibachi.example/menu#book", "https://hibachi.example/menu?utm_source=table&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall-table-7#book")]
    [InlineData("https://hibachi.example/?utm_source=flyer&x=1#top", "https://hibachi.example/?utm_source=flyer&x=1&utm_medium=qr&utm_campaign=spring-2027&utm_content=harbor-hall-table-7#top")]
    [InlineData("https://hibachi.example/?UTM_MEDIUM=print", "https://hibachi.example/?UTM_MEDIUM=print&utm_source=table&utm_campaign=spring-2027&utm_content=harbor-hall-table-7")]
    public void Destination_appends_utm_in_order_after_the_destinations_own_query_and_before_the_fragment(string url, string expected) =>
        Assert.Equal(expected, QrLinks.Destination(Target(url, campaign: "spring-2027", content: "harbor-hall-table-7")));

    [Fact]
    public void Empty_utm_values_are_left_out_and_values_are_escaped()
    {
        Assert.Equal("https://x.example/?utm_source=table&utm_medium=qr", QrLinks.Destination(Target("https://x.example/")));
        Assert.Equal("https://x.example/?utm_source=a%20b%26c&utm_medium=q%3Dr", QrLinks.Destination(Target("https://x.example/", "a b&c", "q=r")));
        Assert.Equal("https://x.example/?utm_medium=qr", QrLinks.Destination(Target("https://x.example/", source: "")));
    }

    [Fact]
    public void The_inquiry_form_destination_is_the_local_form_path_without_utm()
    {
        Assert.Equal("/inquiry/abc2345", QrLinks.Destination(Target(null, inquiry: true)));
        Assert.Equal("/inquiry/abc2345", QrLinks.Destination(Target("https://ignored.example/", inquiry: true)));
        Assert.Equal("/inquiry/abc2345", QrLinks.Destination(Target(null)));
    }

    [Fact]
    public void Scan_and_share_urls()
    {
        Assert.Equal("https://hibachi.example/q/abc2345?qr=1", QrLinks.ScanUrl("https://hibachi.example/", "abc2345"));
        Assert.Equal("https://hibachi.example/q/abc2345", QrLinks.ShareUrl("https://hibachi.example", "abc2345"));
        Assert.Equal("qr", QrLinks.PrintedMarker);
    }

    [Fact]
    public void Availability_window_is_inclusive_at_the_start_and_exclusive_at_the_end()
    {
        var from = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var until = new DateTime(2026, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        var tick = TimeSpan.FromTicks(1);
        var code = Target("https://x.example/", from: from, until: until);
        Assert.Equal(QrAvailability.NotYetValid, code.AvailabilityAt(from - tick));
        Assert.Equal(QrAvailability.Live, code.AvailabilityAt(from));
        Assert.Equal(QrAvailability.Live, code.AvailabilityAt(until - tick));
        Assert.Equal(QrAvailability.Expired, code.AvailabilityAt(until));
        Assert.Equal(QrAvailability.Inactive, Target("https://x.example/", active: false, from: from, until: until).AvailabilityAt(from));
        Assert.Equal(QrAvailability.Live, Target("https://x.example/").AvailabilityAt(DateTime.MaxValue));
        Assert.Equal(QrAvailability.Live, Target("https://x.example/", until: until).AvailabilityAt(DateTime.MinValue));
        Assert.Equal(QrAvailability.Live, Target("https://x.example/", from: from).AvailabilityAt(DateTime.MaxValue));
    }

    [Theory]
    [InlineData("abc2345", "abc2345")]
    [InlineData("ABC2345", "abc2345")]
    [InlineData("table-7", "table-7")]
    [InlineData("a", "a")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("abc 234", null)]
    [InlineData("abc_234", null)]
    [InlineData("abc.234", null)]
    [InlineData("ábc", null)]
    [InlineData("abc%20", null)]
    [InlineData("'; drop table", null)]
    public void Slugs_are_normalised_or_refused_before_any_lookup(string? input, string? expected) => Assert.Equal(expected, QrSlugs.Normalize(input));

    [Fact]
    public void New_slugs_are_seven_unambiguous_random_characters()
    {
        var slugs = Enumerable.Range(0, 2000).Select(_ => QrSlugs.New()).ToList();
        Assert.All(slugs, s =>
        {
            Assert.Equal(7, s.Length);
            Assert.All(s, c => Assert.Contains(c, QrSlugs.Alphabet));
            Assert.Equal(s, QrSlugs.Normalize(s));
        });
        Assert.Equal(slugs.Count, slugs.Distinct().Count());
        Assert.DoesNotContain('0', QrSlugs.Alphabet);
        Assert.DoesNotContain('o', QrSlugs.Alphabet);
        Assert.DoesNotContain('1', QrSlugs.Alphabet);
        Assert.DoesNotContain('l', QrSlugs.Alphabet);
        Assert.DoesNotContain('i', QrSlugs.Alphabet);
    }

    [Theory]
    [InlineData("https://hibachi.example/menu", null)]
    [InlineData("http://hibachi.example", null)]
    [InlineData("HTTPS://HIBACHI.EXAMPLE/A?b=c#d", null)]
    [InlineData("ftp://hibachi.example/", "Expected an http or https URL.")]
    [InlineData("javascript:alert(1)", "Expected an http or https URL.")]
    [InlineData("data:text/html,hi", "Expected an http or https URL.")]
    [InlineData("/relative/path", "Expected an http or https URL.")]
    [InlineData("hibachi.example", "Expected an http or https URL.")]
    [InlineData("https:/hibachi.example", "Expected an http or https URL.")]
    [InlineData("https:\\\\hibachi.example/menu", "Expected an http or https URL.")] // .NET's Uri reads it as https://hibachi.example/menu; other readers may not
    [InlineData("https://", "Expected an http or https URL.")]
    [InlineData("", "Expected an http or https URL.")]
    [InlineData(null, "Expected an http or https URL.")]
    [InlineData("https://hibachi.example/a b", "A URL may not contain spaces or control characters.")]
    [InlineData("https://hibachi.example/\n", "A URL may not contain spaces or control characters.")]
    [InlineData("https://user:pw@hibachi.example/", "A URL with a user name or password is not accepted.")]
    public void Destinations_are_absolute_http_or_https_urls_only(string? url, string? error) => Assert.Equal(error, QrLinks.DestinationError(url));

    [Fact]
    public void A_destination_longer_than_the_column_is_refused() =>
        Assert.Equal("At most 2000 characters.", QrLinks.DestinationError("https://x.example/" + new string('a', 1983)));

    [Fact]
    public void Utm_defaults_come_from_type_campaign_and_placement()
    {
        Assert.Equal(("table", "qr", "spring-2027", "harbor-hall-table-7"), QrLinks.DefaultUtm(QrCodeType.Table, "Spring 2027", "Harbor Hall", 7));
        Assert.Equal(("business-card", "qr", null, null), QrLinks.DefaultUtm(QrCodeType.BusinessCard, null, null, null));
        Assert.Equal(("event", "qr", null, "table-3"), QrLinks.DefaultUtm(QrCodeType.Event, "  ", null, 3));
        Assert.Equal(("flyer", "qr", "smith-wedding", "coral-gables"), QrLinks.DefaultUtm(QrCodeType.Flyer, "Smith  Wedding!", "Coral Gables", null));
        Assert.Null(QrLinks.Kebab("!!!"));
        Assert.Equal(100, QrLinks.Kebab(new string('a', 150))!.Length);
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("10.1.2.3", "10.1.2.0")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0")]
    [InlineData("2001:db8:85a3:8d3:1319:8a2e:370:7348", "2001:db8:85a3::")]
    [InlineData("::1", "::")]
    public void Addresses_keep_their_network_part_only(string address, string expected) =>
        Assert.Equal(expected, IpAnonymizer.Anonymize(IPAddress.Parse(address)));

    [Fact]
    public void No_address_stays_no_address() => Assert.Null(IpAnonymizer.Anonymize(null));
}
