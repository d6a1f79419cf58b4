using HibachiAdmin.Features.QrCodes;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>The edges of the redirect's pure parts that <see cref="QrLinksTests"/> leaves open: slug character ranges, odd queries, the URL length limit, kebab words.</summary>
public sealed class QrSlugAndUrlLimitTests
{
    private static QrTarget Target(string? url, string? campaign = null) =>
        new(Guid.NewGuid(), "abc2345", url, false, "table", "qr", campaign, null, true, null, null);

    [Theory]
    [InlineData("Z9-", "z9-")]
    [InlineData("AZaz09", "azaz09")]
    [InlineData("9", "9")]
    [InlineData("z", "z")]
    [InlineData("-", "-")]
    [InlineData("a/b", null)]
    [InlineData("a:b", null)]
    [InlineData("a@b", null)]
    [InlineData("a[b", null)]
    [InlineData("a`b", null)]
    [InlineData("a{b", null)]
    public void Slug_character_ranges_include_their_ends_and_nothing_next_to_them(string input, string? expected) =>
        Assert.Equal(expected, QrSlugs.Normalize(input));

    [Fact]
    public void The_cached_location_is_the_destination()
    {
        var target = Target("https://x.example/menu", campaign: "spring");
        Assert.Equal("https://x.example/menu?utm_source=table&utm_medium=qr&utm_campaign=spring", target.Location);
        Assert.Same(target.Location, target.Location);
        Assert.Equal("/inquiry/abc2345", Target(null).Location);
    }

    [Fact]
    public void A_question_mark_inside_the_query_does_not_start_a_second_query()
    {
        // The first '?' starts the query: "next=/p?utm_source=y" is one parameter named next.
        Assert.Equal("https://x.example/?next=/p?utm_source=y&utm_source=table&utm_medium=qr",
            QrLinks.Destination(Target("https://x.example/?next=/p?utm_source=y")));
    }

    [Fact]
    public void The_first_hash_starts_the_fragment() =>
        Assert.Equal("https://x.example/p?utm_source=table&utm_medium=qr#a#b?c=1", QrLinks.Destination(Target("https://x.example/p#a#b?c=1")));

    [Fact]
    public void A_parameter_without_a_value_or_written_escaped_counts_as_present()
    {
        Assert.Equal("https://x.example/?utm_source&utm_medium=qr", QrLinks.Destination(Target("https://x.example/?utm_source")));
        Assert.Equal("https://x.example/?utm%5Fsource=a&utm_medium=qr", QrLinks.Destination(Target("https://x.example/?utm%5Fsource=a")));
        Assert.Equal("https://x.example/?=1&utm_source=table&utm_medium=qr", QrLinks.Destination(Target("https://x.example/?=1")));
    }

    [Fact]
    public void A_destination_of_exactly_the_column_length_is_accepted()
    {
        var url = "https://x.example/" + new string('a', QrCode.MaxUrl - 18);
        Assert.Equal(QrCode.MaxUrl, url.Length);
        Assert.Null(QrLinks.DestinationError(url));
    }

    [Theory]
    [InlineData("https://x.example/\u0001")]
    [InlineData("https://x.example/\u007f")]
    [InlineData("https://x.example/\tx")]
    public void Control_characters_that_are_not_spaces_are_refused_too(string url) =>
        Assert.Equal("A URL may not contain spaces or control characters.", QrLinks.DestinationError(url));

    [Fact]
    public void A_user_name_alone_is_refused_and_a_host_is_required()
    {
        Assert.Equal("A URL with a user name or password is not accepted.", QrLinks.DestinationError("https://user@x.example/"));
        Assert.Equal("Expected an http or https URL.", QrLinks.DestinationError("http:///path"));
        Assert.Equal("Expected an http or https URL.", QrLinks.DestinationError("file:///etc/passwd"));
        Assert.Equal("Expected an http or https URL.", QrLinks.DestinationError("mailto:a@x.example"));
    }

    [Theory]
    [InlineData("BusinessCard", "business-card")]
    [InlineData("Spring2027Gala", "spring2027-gala")]
    [InlineData("ABCCorp", "abccorp")]
    [InlineData("Harbor Hall", "harbor-hall")]
    [InlineData("Harbor -- Hall", "harbor-hall")]
    [InlineData("  ¡Harbor!  ", "harbor")]
    [InlineData("Café Ole", "caf-ole")]
    [InlineData("a", "a")]
    [InlineData("-", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Kebab_words(string? text, string? expected) => Assert.Equal(expected, QrLinks.Kebab(text));

    [Fact]
    public void Kebab_cuts_at_the_column_length_and_never_ends_with_a_dash()
    {
        Assert.Equal(new string('a', 99), QrLinks.Kebab(new string('a', 99) + " bbb"));
        Assert.Equal(new string('a', 100), QrLinks.Kebab(new string('a', 100) + " bbb"));
        Assert.Equal(new string('a', 98) + "-b", QrLinks.Kebab(new string('a', 98) + " bbb"));
    }

    [Fact]
    public void Table_number_without_venue_and_venue_without_table()
    {
        Assert.Equal(("menu", "qr", null, "table-12"), QrLinks.DefaultUtm(QrCodeType.Menu, null, "!!", 12));
        Assert.Equal(("menu", "qr", null, "pier-9"), QrLinks.DefaultUtm(QrCodeType.Menu, null, "Pier 9", null));
    }
}
