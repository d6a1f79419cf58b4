using System.Text.RegularExpressions;
using HibachiAdmin.Tests.Infrastructure;

namespace HibachiAdmin.Tests.Components;

public sealed class ErrorPageTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>The error page gives the id of the request that failed (it said "give this id to your admin:" with nothing after it).</summary>
    [Fact]
    public async Task The_error_page_shows_a_request_id()
    {
        var html = await factory.CreateClient().GetStringAsync("/Error");
        var id = Regex.Match(html, "data-testid=\"request-id\">([^<]*)<").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(id), "no request id on the error page");
    }
}
