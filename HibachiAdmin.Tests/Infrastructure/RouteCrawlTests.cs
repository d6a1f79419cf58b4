using System.Net;
using System.Text.RegularExpressions;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure;

/// <summary>
/// Walks every endpoint the app exposes (minimal APIs, pages, Hangfire, identity) and checks that
/// anonymous callers are turned away everywhere except the documented anonymous routes (webhooks, health, token, QR and inquiry), and that
/// Admin-only endpoints refuse other roles. Routes added by later features are covered automatically.
/// </summary>
public sealed partial class RouteCrawlTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>The documented anonymous routes plus the sign-in pages and framework plumbing.</summary>
    private static readonly string[] AnonymousAllowlist =
    [
        "/healthz",
        "/q/{slug}",
        "/api/v1/ringcentral/webhooks/sms",
        "/api/v1/ringcentral/webhooks/voice",
        "/api/v1/meta/webhooks",
        "/inquiry/{slug}",
        "/api/v1/stripe/webhooks",
        "/p/{token}",
        "/l/{code}",
        // A file an Admin shared for customers (saved replies link to it): the random token is the key, like /p/{token}'s.
        "/files/{token}",
        // A chef's texted event sheet (not in CONTRACT.md's list; docs/architecture.md says why): 128 random bits, until 6 h after the party.
        "/sheet/{Token}",
        // Calendar feeds (CONTRACT.md): the 128-bit token is the key; any other path under /ical is the same 404.
        "/ical/{token}.ics",
        "/ical/{**rest}",
        "/api/v1/auth/token",
        "/Account/Login",
        "/Account/Lockout",
        "/Account/AccessDenied",
        "/not-found",
        "/Error",
    ];

    private sealed record Probe(string Pattern, string Method, string Url, bool AdminOnly);

    private IReadOnlyList<Probe> Probes()
    {
        _ = factory.CreateClient();
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var probes = new List<Probe>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsFrameworkPlumbing(pattern))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var adminOnly = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.Admin || a.Roles == Roles.Admin);
            foreach (var method in methods is { Count: > 0 } ? methods : ["GET"])
            {
                probes.Add(new Probe(pattern, method, Concrete(endpoint.RoutePattern), adminOnly));
            }
        }
        return probes.DistinctBy(p => (p.Pattern, p.Method)).ToList();
    }

    private static bool IsFrameworkPlumbing(string pattern) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal)
        || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || pattern.StartsWith("/_content", StringComparison.Ordinal)
        || StaticAsset().IsMatch(pattern);

    [GeneratedRegex(@"\.(css|js|mjs|png|svg|ico|woff2?|json|map|txt|gz|br|wasm|webmanifest)$", RegexOptions.IgnoreCase)]
    private static partial Regex StaticAsset();

    /// <summary>Fills each route parameter with a well-formed value for its constraint.</summary>
    private static string Concrete(RoutePattern pattern)
    {
        var parts = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => SampleValue(parameter),
                    _ => "",
                };
            }
            parts.Add(text);
        }
        return "/" + string.Join('/', parts.Where(p => p.Length > 0));
    }

    private static string SampleValue(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid"))
        {
            return "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
        }
        if (constraints.Any(c => c is "int" or "long"))
        {
            return "1";
        }
        return parameter.IsCatchAll ? "x/y" : "sample";
    }

    private static bool IsAllowlisted(string pattern) =>
        AnonymousAllowlist.Any(a => string.Equals(Normalize(a), Normalize(pattern), StringComparison.OrdinalIgnoreCase));

    /// <summary>Drops constraints and trailing slashes so "/q/{slug:regex(...)}" matches "/q/{slug}".</summary>
    public static string WithoutConstraints(string pattern) => ParameterConstraint().Replace(pattern, "{$1}");

    private static string Normalize(string pattern) =>
        ParameterConstraint().Replace(pattern, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex ParameterConstraint();

    private static HttpRequestMessage Request(Probe probe)
    {
        var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url);
        if (probe.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        request.Headers.Accept.ParseAdd("text/html,application/json");
        return request;
    }

    [Fact]
    public async Task Every_endpoint_outside_the_allowlist_refuses_anonymous_callers()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var probes = Probes();
        Assert.True(probes.Count > 20, $"Only {probes.Count} endpoints found; the crawl is not seeing the app.");
        var failures = new List<string>();
        foreach (var probe in probes.Where(p => !IsAllowlisted(p.Pattern)))
        {
            using var response = await client.SendAsync(Request(probe));
            var status = response.StatusCode;
            var redirectsToLogin = status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && response.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true;
            var refused = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || redirectsToLogin;
            if (!refused)
            {
                failures.Add($"{probe.Method} {probe.Url} ({probe.Pattern}) → {(int)status}");
            }
        }
        Assert.True(failures.Count == 0, "Reachable without signing in:\n" + string.Join('\n', failures));
    }

    /// <summary>
    /// The admin-only routes, written out by hand (not derived from the endpoint metadata the app could
    /// get wrong): opening one of them to another role fails the test below by HTTP.
    /// </summary>
    private static readonly (string Method, string Url, string Pattern)[] AdminOnlyRoutes =
    [
        ("GET", "/admin/users", "/admin/users"),
        ("GET", "/admin/integrations", "/admin/integrations"),
        ("GET", "/admin/compliance", "/admin/compliance"),
        ("GET", "/admin/events", "/admin/events"),
        ("GET", "/admin/pricing", "/admin/pricing"),
        ("GET", "/admin/calendar-feeds", "/admin/calendar-feeds"),
        ("POST", "/api/v1/admin/events/replay", "/api/v1/admin/events/replay"),
        ("GET", "/admin/team", "/admin/team"),
        ("POST", "/api/v1/chefs", "/api/v1/chefs"),
        ("PUT", "/api/v1/chefs/00000000-0000-0000-0000-000000000001", "/api/v1/chefs/{id:guid}"),
        ("GET", "/hangfire", "/hangfire/{**path}"),
        ("GET", "/metrics", "/metrics"),
        ("GET", "/hangfire/jobs/enqueued", "/hangfire/{**path}"),
    ];

    [Fact]
    public async Task Admin_only_routes_refuse_every_other_role_and_answer_an_admin()
    {
        foreach (var role in new[] { Roles.Staff, Roles.Marketing, Roles.Manager })
        {
            var client = await factory.CreateClientInRoleAsync(role);
            foreach (var (method, url, _) in AdminOnlyRoutes)
            {
                using var response = await client.SendAsync(Request(new Probe(url, method, url, true)));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role}: {method} {url} → {(int)response.StatusCode}");
            }
        }
        var admin = await factory.CreateAdminClientAsync();
        foreach (var (method, url, _) in AdminOnlyRoutes)
        {
            using var response = await admin.SendAsync(Request(new Probe(url, method, url, true)));
            // A write with the probe's empty body gets past authorization to its own answer (400 for the body, 404 for the id).
            var admitted = response.IsSuccessStatusCode
                || (method is "POST" or "PUT" && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound && url.StartsWith("/api/", StringComparison.Ordinal));
            Assert.True(admitted, $"Admin: {method} {url} → {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void The_admin_only_list_matches_the_app_routes_both_ways()
    {
        var probes = Probes();
        // Every listed route exists (a renamed route must be renamed here too)…
        foreach (var (method, _, pattern) in AdminOnlyRoutes)
        {
            Assert.True(probes.Any(p => Normalize(p.Pattern) == Normalize(pattern) && p.Method == method),
                $"{method} {pattern} is listed as admin-only but the app has no such route");
        }
        // …and every route the app marks admin-only is listed, so a new one gets its HTTP check above.
        var unlisted = probes.Where(p => p.AdminOnly && !AdminOnlyRoutes.Any(r => Normalize(r.Pattern) == Normalize(p.Pattern))).Select(p => $"{p.Method} {p.Pattern}").ToList();
        Assert.True(unlisted.Count == 0, "Admin-only routes missing from AdminOnlyRoutes:\n" + string.Join('\n', unlisted));
    }

    [Fact]
    public async Task Allowlisted_routes_that_exist_answer_anonymous_callers()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var present = Probes().Where(p => IsAllowlisted(p.Pattern) && p.Method == "GET").ToList();
        Assert.Contains(present, p => p.Pattern == "/healthz");
        Assert.Contains(present, p => p.Pattern == "/Account/Login");
        foreach (var probe in present)
        {
            using var response = await client.SendAsync(Request(probe));
            if (Normalize(probe.Pattern) == Normalize("/api/v1/meta/webhooks"))
            {
                // CONTRACT.md: Meta's verification GET without the right hub.verify_token is a 403 (the check ran, anonymously).
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                var title = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("title").GetString();
                Assert.Contains(title, new[] { "Verification failed", "Webhook not configured" });
                continue;
            }
            Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{probe.Url} → {(int)response.StatusCode}");
            Assert.False(response.Headers.Location?.ToString().Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true && probe.Pattern != "/Account/Login", $"{probe.Url} redirects to sign-in");
        }
    }
}
