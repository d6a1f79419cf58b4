using System.Net;
using System.Text;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>
/// Issue 21 finding 10: only the configured proxies (<c>ForwardedHeaders:KnownProxies</c>, <c>:KnownNetworks</c>)
/// say who the client is and whether it came over https, loopback included; a request the proxy forwarded
/// as https gets HSTS in Production.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.2");

    /// <summary>One request as Kestrel would hand it over from <paramref name="from"/>, with the headers a proxy adds.</summary>
    private static Task<HttpContext> SendAsync(TestServer server, IPAddress from, string? forwardedFor = null, string? forwardedProto = null,
        string method = "GET", string path = "/healthz", string? json = null) =>
        server.SendAsync(http =>
        {
            http.Request.Method = method;
            http.Request.Path = path;
            http.Request.Host = new HostString("hibachi.example");
            http.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
            if (forwardedProto is not null)
            {
                http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
            if (json is not null)
            {
                http.Request.ContentType = "application/json";
                http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            }
        });

    private static Task<HttpContext> SignInAsync(TestServer server, IPAddress from, string? forwardedFor) =>
        SendAsync(server, from, forwardedFor, method: "POST", path: "/api/v1/auth/token", json: """{"email":"nobody@test.local","password":"whatever whatever"}""");

    [Fact]
    public async Task In_production_a_request_a_configured_proxy_forwarded_as_https_gets_HSTS_and_others_do_not()
    {
        await using var factory = new AppFactory().With(TrustedProxies.ProxiesKey, Proxy.ToString());
        using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var forwarded = await SendAsync(production.Server, Proxy, "203.0.113.5", "https");
        Assert.Equal(StatusCodes.Status200OK, forwarded.Response.StatusCode);
        Assert.StartsWith("max-age=", forwarded.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);

        // Not a proxy we know: its claim of https is ignored, so no HSTS over what is plain http.
        var spoofed = await SendAsync(production.Server, IPAddress.Parse("198.51.100.7"), "203.0.113.5", "https");
        Assert.Equal(StatusCodes.Status200OK, spoofed.Response.StatusCode);
        Assert.Equal("", spoofed.Response.Headers.StrictTransportSecurity.ToString());
        var plain = await SendAsync(production.Server, Proxy, "203.0.113.5", "http");
        Assert.Equal("", plain.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_loopback_client_that_is_not_configured_does_not_choose_the_rate_limit_bucket()
    {
        await using var app = new AppFactory().With("RateLimits:SignInPerMinute", "3");
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            // A new "client" each time: if the header were trusted, each would get its own bucket.
            statuses.Add((await SignInAsync(app.Server, IPAddress.Loopback, $"203.0.113.{i + 1}")).Response.StatusCode);
        }
        Assert.Equal([401, 401, 401, 429], statuses);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("::1", "::1")]
    [InlineData("10.1.2.3", null)]
    public async Task A_configured_proxys_X_Forwarded_For_is_the_client_each_with_its_own_bucket(string proxy, string? knownProxy)
    {
        await using var app = new AppFactory().With("RateLimits:SignInPerMinute", "3")
            .With(TrustedProxies.ProxiesKey, knownProxy).With($"{TrustedProxies.NetworksKey}:0", knownProxy is null ? "10.1.0.0/16" : null);
        var from = IPAddress.Parse(proxy);
        var first = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            first.Add((await SignInAsync(app.Server, from, "203.0.113.1")).Response.StatusCode);
        }
        Assert.Equal([401, 401, 401, 429], first);
        Assert.Equal(401, (await SignInAsync(app.Server, from, "203.0.113.2")).Response.StatusCode);
    }

    [Fact]
    public void Proxies_and_networks_are_read_from_an_array_or_one_comma_separated_value()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.2",
            ["ForwardedHeaders:KnownProxies:1"] = " 10.0.0.3 , 10.0.0.4",
            ["ForwardedHeaders:KnownNetworks"] = "10.1.0.0/16,, fd00::/8 ",
        }).Build();
        Assert.Equal(["10.0.0.2", "10.0.0.3", "10.0.0.4"], TrustedProxies.Entries(configuration, TrustedProxies.ProxiesKey));
        Assert.Equal(["10.1.0.0/16", "fd00::/8"], TrustedProxies.Entries(configuration, TrustedProxies.NetworksKey));
        Assert.Empty(TrustedProxies.Entries(configuration, "ForwardedHeaders:Nothing"));
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies", "10.0.0.300", "'10.0.0.300' is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks", "10.0.0.0/33", "'10.0.0.0/33' is not a network in CIDR notation")]
    public async Task A_proxy_entry_that_does_not_parse_stops_the_start_naming_it(string key, string value, string message)
    {
        await using var app = new AppFactory().With(key, value);
        var error = Record.Exception(() => app.Server);
        Assert.NotNull(error);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}
