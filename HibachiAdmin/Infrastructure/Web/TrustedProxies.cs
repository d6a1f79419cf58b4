using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// Which proxies may say who the client is. <c>X-Forwarded-For</c> decides the per-IP rate limits and a
/// scan's network, and <c>X-Forwarded-Proto</c> decides HSTS and secure cookies, so they are read only
/// from the addresses in <c>ForwardedHeaders:KnownProxies</c> (IPs) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR ranges): nobody else, not even loopback, which ASP.NET Core trusts by default (any local process,
/// or a proxy that does not strip the header, could then choose its own rate-limit bucket). Each key takes
/// an array or one comma-separated string; an entry that does not parse stops the start, since a typo
/// would otherwise silently turn HSTS off behind the proxy. Once proxies are configured, a connection
/// without an address (a Unix socket, which only a local proxy can open) counts as the proxy, as
/// ASP.NET Core decides.
/// </summary>
public static class TrustedProxies
{
    public const string ProxiesKey = "ForwardedHeaders:KnownProxies";
    public const string NetworksKey = "ForwardedHeaders:KnownNetworks";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var proxies = Entries(builder.Configuration, ProxiesKey).Select(entry => IPAddress.TryParse(entry, out var address)
            ? address
            : throw new InvalidOperationException($"{ProxiesKey}: '{entry}' is not an IP address.")).ToList();
        var networks = Entries(builder.Configuration, NetworksKey).Select(entry => System.Net.IPNetwork.TryParse(entry, out var network)
            ? network
            : throw new InvalidOperationException($"{NetworksKey}: '{entry}' is not a network in CIDR notation, e.g. 10.0.0.0/8.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Nothing configured: no header is read at all. (Both lists empty would not mean "nobody":
            // the middleware then skips the check and trusts every sender.)
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    /// <summary>The entries under <paramref name="key"/>: its array items, or its one value split at commas.</summary>
    internal static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(c => c.Value).Append(section.Value);
        return values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
