using System.Collections.Concurrent;
using HibachiAdmin.Features.Alerts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>
/// Real Web Push (<c>Alerts:Push:Provider=WebPush</c>) against a push service on loopback: the message is posted
/// encrypted and VAPID-signed with the keys generated on first run; a subscription the service says is gone (404, 410)
/// is removed, a working one kept, and one that fails otherwise is kept for the next alert.
/// </summary>
public sealed class ExpiredPushSubscriptionTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? Authorization, string? Encoding, long Length)> _received = new();
    private WebApplication _push = default!;
    private AppFactory _app = default!;

    public async Task InitializeAsync()
    {
        _push = await LoopbackServer.StartAsync(web => web.MapPost("/push/{kind}/{id}", (string kind, string id, HttpRequest request) =>
        {
            _received.Enqueue(($"/push/{kind}/{id}", request.Headers.Authorization, request.Headers.ContentEncoding, request.ContentLength ?? -1));
            return kind switch
            {
                "gone" => Results.StatusCode(410),
                "missing" => Results.StatusCode(404),
                "broken" => Results.StatusCode(500),
                _ => Results.StatusCode(201),
            };
        }));
        _app = new AppFactory { Time = TestClock.Frozen() }
            .With("Hangfire:ProcessJobs", "false").With("Alerts:Push:Provider", "WebPush").With("Alerts:Push:Subject", "mailto:owner@hibachi.example");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _push.DisposeAsync();
    }

    [Fact]
    public async Task A_push_service_answering_404_or_410_removes_that_browser_and_keeps_the_others()
    {
        var (person, _) = await AlertsTestKit.PersonAsync(_app, AlertsTestKit.Only(AlertChannel.Push));
        var baseUrl = _push.Url();
        var ok = $"{baseUrl}/push/ok/{Guid.NewGuid():N}";
        var gone = $"{baseUrl}/push/gone/{Guid.NewGuid():N}";
        var missing = $"{baseUrl}/push/missing/{Guid.NewGuid():N}";
        var broken = $"{baseUrl}/push/broken/{Guid.NewGuid():N}";
        foreach (var endpoint in new[] { ok, gone, missing, broken })
        {
            await AlertsTestKit.SubscribeAsync(_app, person, endpoint);
        }
        await AlertsTestKit.WriteForAsync(_app, person, new AlertSource(AlertKind.MissedCall, $"call:{Guid.NewGuid()}", "Missed call: Lou Park", null, "calls", _app.Time!.GetUtcNow().UtcDateTime));
        _app.Time.Advance(TimeSpan.FromMinutes(1));
        await AlertsTestKit.RunDeliveryAsync(_app);

        Assert.Equal(4, _received.Count);
        var keys = await _app.Services.GetRequiredService<VapidKeys>().GetAsync(default);
        Assert.All(_received, r =>
        {
            Assert.StartsWith("vapid t=", r.Authorization);
            Assert.Contains($"k={keys.PublicKey}", r.Authorization);
            Assert.Equal("aes128gcm", r.Encoding);
            Assert.True(r.Length > 86, "an encrypted body (header + ciphertext)");
        });
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var left = await db.Set<WebPushSubscription>().Where(s => s.UserId == person).Select(s => s.Endpoint).OrderBy(e => e).ToListAsync();
        Assert.Equal(new[] { ok, broken }.Order(), left);
        var delivery = Assert.Single(await AlertsTestKit.DeliveriesOfAsync(_app, person));
        Assert.Equal(AlertDeliveryStatus.Sent, delivery.Status);
    }

    [Fact]
    public async Task The_vapid_keys_are_generated_once_and_kept_across_restarts()
    {
        var first = await _app.Services.GetRequiredService<VapidKeys>().GetAsync(default);
        await using var restarted = AppFactory.OverDatabase(_app.Database, deleteDatabase: false).With("Hangfire:ProcessJobs", "false");
        var again = await restarted.Services.GetRequiredService<VapidKeys>().GetAsync(default);
        Assert.Equal((first.PublicKey, first.PrivateKey), (again.PublicKey, again.PrivateKey));
        Assert.Equal(87, first.PublicKey.Length);
        using var admin = await _app.CreateAdminClientAsync();
        var served = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<AlertsEndpoints.PushKey>(admin, "/api/v1/alerts/push/public-key");
        Assert.Equal(first.PublicKey, served!.PublicKey);
    }
}
