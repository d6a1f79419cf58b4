using System.Net.Http.Json;
using System.Security.Cryptography;
using HibachiAdmin.Features.Alerts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>Set-ups the alerts suites share: a staff member with their own choices and browser, their alerts as stored.</summary>
internal static class AlertsTestKit
{
    public const string Password = "a long enough test password";

    /// <summary>A new staff member (own email) with these choices; returns their user id and email.</summary>
    public static async Task<(string Id, string Email)> PersonAsync(AppFactory app, AlertPreferencesDto? prefs = null, string role = "Staff")
    {
        var email = $"alerts-{Guid.NewGuid():N}@test.local";
        var user = await app.CreateUserAsync(email, Password, role);
        if (prefs is not null)
        {
            Assert.Null(await app.Services.GetRequiredService<AlertService>().SavePreferenceAsync(user.Id, prefs, default));
        }
        return (user.Id, email);
    }

    public static AlertPreferencesDto Only(AlertChannel channel, string? quietFrom = null, string? quietUntil = null, int waitingMinutes = 15)
    {
        AlertKind[] all = Enum.GetValues<AlertKind>();
        return new AlertPreferencesDto(channel == AlertChannel.InApp ? all : [], channel == AlertChannel.Push ? all : [], channel == AlertChannel.Email ? all : [], quietFrom, quietUntil, waitingMinutes);
    }

    public static AlertPreferencesDto Everywhere(string? quietFrom = null, string? quietUntil = null, int waitingMinutes = 15)
    {
        AlertKind[] all = Enum.GetValues<AlertKind>();
        return new AlertPreferencesDto(all, all, all, quietFrom, quietUntil, waitingMinutes);
    }

    /// <summary>A browser subscription with real P-256 keys (what a browser sends), at <paramref name="endpoint"/>.</summary>
    public static PushSubscriptionInput Browser(string endpoint)
    {
        using var ecdh = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = ecdh.ExportParameters(false).Q;
        var key = new byte[65];
        key[0] = 4;
        q.X!.CopyTo(key, 1);
        q.Y!.CopyTo(key, 33);
        return new PushSubscriptionInput(endpoint, new PushSubscriptionKeys(B64(key), B64(RandomNumberGenerator.GetBytes(16))));
    }

    public static async Task SubscribeAsync(AppFactory app, string userId, string endpoint) =>
        Assert.Null(await app.Services.GetRequiredService<AlertService>().SubscribeAsync(userId, Browser(endpoint), default));

    public static async Task<List<Alert>> AlertsOfAsync(AppFactory app, string userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Alert>().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync();
    }

    public static async Task<List<AlertDelivery>> DeliveriesOfAsync(AppFactory app, string userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<AlertDelivery>().AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.CreatedAt).ToListAsync();
    }

    /// <summary>Adds alerts for <paramref name="sources"/> as an event handler would, in one unit of work.</summary>
    public static async Task WriteAsync(AppFactory app, params AlertSource[] sources)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await app.Services.GetRequiredService<AlertWriter>().AddAsync(db, sources, default);
        await db.SaveChangesAsync();
    }

    /// <summary>Adds alerts for <paramref name="sources"/> for one person only (other tests' people are left out).</summary>
    public static async Task WriteForAsync(AppFactory app, string userId, params AlertSource[] sources)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var writer = app.Services.GetRequiredService<AlertWriter>();
        var person = (await writer.RecipientsAsync(db, default)).Where(r => r.UserId == userId).ToList();
        Assert.Single(person);
        await writer.AddAsync(db, sources, person, default);
        await db.SaveChangesAsync();
    }

    public static AlertSource Waiting(int i, DateTime at) =>
        new(AlertKind.MessageWaiting, $"test-waiting:{Guid.NewGuid():N}", $"Customer {i} is waiting for a reply", "Over 15 min on SMS", "inbox", at);

    public static async Task RunDeliveryAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AlertDeliveryJob>().RunAsync(default);
    }

    public static async Task<Guid> ContactAsync(HttpClient admin, string name)
    {
        var phone = TestPhones.Next("212");
        var response = await admin.PostAsJsonAsync("/api/v1/contacts", new { name, phone = phone.Typed });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
    }

    private sealed record IdOnly(Guid Id);

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
