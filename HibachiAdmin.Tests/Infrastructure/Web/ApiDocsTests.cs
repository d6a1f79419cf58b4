using System.Net;
using System.Text.Json;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Infrastructure.Web;

/// <summary>The OpenAPI document covers every /api/v1 route found in the endpoint data source.</summary>
public sealed class ApiDocsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] BodyMethods = ["POST", "PUT", "PATCH"];

    [Fact]
    public async Task Every_api_route_is_in_the_document_with_a_summary_its_body_and_its_responses()
    {
        var client = await app.CreateClientInRoleAsync(Roles.Staff);
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        var endpoints = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} /api/v1 endpoints found");
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var path = ("/" + RouteCrawlTests.WithoutConstraints(endpoint.RoutePattern.RawText!.TrimStart('/'))).TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    failures.Add($"{method} {path}: missing from the document");
                    continue;
                }
                if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    failures.Add($"{method} {path}: no summary");
                }
                if (!operation.TryGetProperty("responses", out var responses) || !responses.EnumerateObject().Any())
                {
                    failures.Add($"{method} {path}: no responses");
                }
                var hasBody = endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null || endpoint.Metadata.GetMetadata<DocumentedBody>() is not null;
                if (hasBody && BodyMethods.Contains(method) && !operation.TryGetProperty("requestBody", out _))
                {
                    failures.Add($"{method} {path}: body not described");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task The_document_describes_strict_fields_and_the_reference_ui_is_for_signed_in_staff()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        var scalarAnonymous = await anonymous.GetAsync("/scalar/v1");
        Assert.True(scalarAnonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found,
            $"/scalar anonymous → {(int)scalarAnonymous.StatusCode}");

        var client = await app.CreateClientInRoleAsync(Roles.Staff);
        var ui = await client.GetAsync("/scalar/v1");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("openapi/v1.json", await ui.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var doc = await client.GetStringAsync("/openapi/v1.json");
        var schemas = JsonDocument.Parse(doc).RootElement.GetProperty("components").GetProperty("schemas");
        var booking = schemas.EnumerateObject().First(s => s.Name.Contains("CreateBookingRequest", StringComparison.Ordinal)).Value.GetProperty("properties");
        Assert.Equal("date", booking.GetProperty("eventDate").GetProperty("format").GetString());
        Assert.Contains("integer", booking.GetProperty("guestCount").GetProperty("type").ToString(), StringComparison.Ordinal);
    }
}
