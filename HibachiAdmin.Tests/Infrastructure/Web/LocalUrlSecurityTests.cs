using HibachiAdmin.Common;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>The open-redirect guard on its own: what stays a local path and what goes home, at each edge.</summary>
public sealed class LocalUrlSecurityTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/leads?status=New&page=2", "/leads?status=New&page=2")]
    [InlineData("leads", "/leads")]
    [InlineData("a", "/a")]
    [InlineData("/Account/Manage#email", "/Account/Manage#email")]
    public void A_path_on_this_site_is_kept(string url, string expected) => Assert.Equal(expected, LocalUrl.OrRoot(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/x")]
    [InlineData("HTTP://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http:evil.example")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("\\\\evil.example/x")]
    [InlineData("\\evil.example")]
    public void Another_site_or_no_url_goes_home(string? url) => Assert.Equal("/", LocalUrl.OrRoot(url));

    [Theory]
    [InlineData("/leads\\..\\admin")]
    [InlineData("/a\\")]
    public void A_backslash_anywhere_goes_home(string url) => Assert.Equal("/", LocalUrl.OrRoot(url));

    [Fact]
    public void A_control_character_anywhere_goes_home()
    {
        // Characters a browser or proxy may strip or act on (header splitting, "/\t/evil" read as "//evil").
        foreach (var c in new[] { '\0', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085' })
        {
            Assert.Equal("/", LocalUrl.OrRoot($"/leads{c}x"));
            Assert.Equal("/", LocalUrl.OrRoot($"/leads{c}"));
        }
    }

    [Fact]
    public void A_local_path_of_up_to_2000_characters_is_kept_and_a_longer_one_goes_home()
    {
        var longest = "/" + new string('a', 1999);
        Assert.Equal(longest, LocalUrl.OrRoot(longest));
        Assert.Equal("/", LocalUrl.OrRoot(longest + "a"));
        // Without its leading slash the same 2000 characters become 2001 once the slash is added.
        Assert.Equal("/", LocalUrl.OrRoot(new string('a', 2000)));
        Assert.Equal("/" + new string('a', 1999), LocalUrl.OrRoot(new string('a', 1999)));
    }
}
