using HibachiAdmin.Features.QrCodes;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary><see cref="QrDestinations.ToAscii"/> and its use by the redirect: what a Location header can carry, decided once per target.</summary>
public sealed class QrLinksTestsOfAsciiDestinations
{
    private static QrTarget Target(string? url) => new(Guid.NewGuid(), "abc2345", url, false, "table", "qr", null, null, true, null, null);

    [Theory]
    [InlineData("https://example.com/menu?a=1#top")]
    [InlineData("HTTP://Example.COM/Menu")]
    [InlineData("https://example.com/%C3%BC?x=%zz")]
    public void An_ascii_url_is_returned_as_it_is(string url) => Assert.Same(url, QrDestinations.ToAscii(url));

    [Theory]
    [InlineData("https://example.com/menü", "https://example.com/men%C3%BC")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("https://BÜCHER.example/", "https://xn--bcher-kva.example/")]
    [InlineData("HTTPS://Bücher.Example:8443/a", "https://xn--bcher-kva.example:8443/a")]
    [InlineData("https://bücher.example?q=ü", "https://xn--bcher-kva.example?q=%C3%BC")]
    [InlineData("https://bücher.example#ü", "https://xn--bcher-kva.example#%C3%BC")]
    [InlineData("https://example.com/ß/€/🍣", "https://example.com/%C3%9F/%E2%82%AC/%F0%9F%8D%A3")]
    [InlineData("https://例え.テスト/", "https://xn--r8jz45g.xn--zckzah/")]
    [InlineData("https://example.com/a%20b/ü", "https://example.com/a%20b/%C3%BC")]
    public void Non_ascii_becomes_punycode_in_the_host_and_utf8_escapes_elsewhere(string url, string expected) =>
        Assert.Equal(expected, QrDestinations.ToAscii(url));

    [Theory]
    [InlineData("https://example.com/\u202Egpj")]
    [InlineData("https://example.com/\u202A")]
    [InlineData("https://example.com/\u2066")]
    [InlineData("https://example.com/\u2069")]
    [InlineData("https://example.com/\u200E")]
    [InlineData("https://example.com/\u200F")]
    [InlineData("https://example.com/\u061C")]
    [InlineData("https://example.com/a\u0000")]
    [InlineData("https://example.com/\u0007")]
    [InlineData("https://example.com/\u009B")]
    [InlineData("https://bad_hostü.example/")]
    [InlineData("https:///ü")]
    [InlineData("https://ü.example:80ü/")]
    [InlineData("example.com/ü")]
    [InlineData("https://[::1]/ü")]
    public void Bidi_control_broken_text_and_invalid_hosts_have_no_ascii_form(string url) => Assert.Null(QrDestinations.ToAscii(url));

    [Fact]
    public void An_unpaired_surrogate_has_no_utf8_and_so_no_ascii_form()
    {
        // Built at run time: an attribute argument cannot hold an unpaired surrogate (metadata strings are UTF-8).
        Assert.Null(QrDestinations.ToAscii("https://example.com/ü" + '\uD800'));
        Assert.Null(QrDestinations.ToAscii("https://example.com/ü" + '\uDC00' + "x"));
        Assert.Equal("https://example.com/%C3%BC%F0%9F%8D%A3", QrDestinations.ToAscii("https://example.com/ü" + char.ConvertFromUtf32(0x1F363)));
    }

    [Fact]
    public void Characters_next_to_the_bidi_ranges_are_ordinary_text()
    {
        foreach (var c in new[] { '\u061B', '\u061D', '\u200D', '\u2010', '\u2029', '\u202F', '\u2065', '\u206A' })
        {
            Assert.NotNull(QrDestinations.ToAscii($"https://example.com/ü{c}"));
        }
    }

    [Fact]
    public void The_redirect_sends_the_ascii_form_with_utm_parameters_and_nothing_for_a_destination_it_cannot_send()
    {
        var target = Target("https://bücher.example/straße#oben");
        Assert.Equal("https://xn--bcher-kva.example/stra%C3%9Fe?utm_source=table&utm_medium=qr#oben", target.Location);
        Assert.Same(target.Location, target.Location);

        var broken = Target("https://example.com/\u202Egpj.exe");
        Assert.Null(QrLinks.Destination(broken));
        Assert.Null(broken.Location);
        Assert.Null(broken.Location);
        Assert.Null(Target("javascript:alert(1)").Location);
        Assert.Equal("/inquiry/abc2345", Target(null).Location);
    }

    [Fact]
    public void The_length_limit_counts_the_encoded_form_the_column_stores()
    {
        var fits = "https://x.example/" + new string('a', QrCode.MaxUrl - 18 - 6) + "ü";
        Assert.Null(QrLinks.DestinationError(fits));
        Assert.Equal(QrCode.MaxUrl, QrDestinations.ToAscii(fits)!.Length);
        var over = "https://x.example/" + new string('a', QrCode.MaxUrl - 18 - 5) + "ü";
        Assert.Equal($"At most {QrCode.MaxUrl} characters once encoded for the web (this one has {QrCode.MaxUrl + 1}).", QrLinks.DestinationError(over));
        Assert.Null(QrLinks.DestinationError("https://x.example/" + new string('a', QrCode.MaxUrl - 18)));
    }

    [Theory]
    [InlineData("https://example.com/\u202Egpj.exe", "bidirectional")]
    [InlineData("https://bad_hostü.example/", "domain name")]
    [InlineData("https://example.com/a\u0007", "control")]
    public void Destination_errors_say_why(string url, string words) =>
        Assert.Contains(words, QrLinks.DestinationError(url), StringComparison.Ordinal);
}
