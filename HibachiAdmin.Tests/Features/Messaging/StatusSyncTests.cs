using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using HibachiAdmin.Tests.Infrastructure.Providers;
using HibachiAdmin.Tests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Delivery status of person-to-person texts is read by one coalesced job with Message Sync, never by the
/// inbound worker: a STOP stored behind a burst of "something changed" notifications is applied with no provider
/// call on the inbound path, and the statuses then come in one request (ISync after the first FSync), never backwards.
/// </summary>
public sealed class StatusSyncTests
{
    private const string Token = "status-sync-token";

    internal static AppFactory RingCentralApp(RingCentralFake fake) => new AppFactory()
        .With("Sms:Provider", "RingCentral").With("RingCentral:ServerUrl", fake.Url).With("RingCentral:ClientId", "id")
        .With("RingCentral:ClientSecret", "secret").With("RingCentral:Jwt", "jwt").With("RingCentral:FromNumber", "+12125550147")
        .With("RingCentral:VerificationToken", Token).With("Hangfire:ProcessJobs", "false");

    internal static string StatusNotification(int n) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ringcentral-message-store-event.json"))
            .Replace("3e2d1c0b-9a8f-4e7d-a6c5-b4a3f2e1d0c9", $"status-{n}-{Guid.NewGuid():N}", StringComparison.Ordinal);

    internal static async Task PostAsync(HttpClient client, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", Token);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    private static async Task<ProviderSyncState?> StateAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ProviderSyncState>().AsNoTracking().SingleOrDefaultAsync(s => s.Key == OutboundStatusSync.MessageSyncKey);
    }

    private static async Task<int> RunStatusJobAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<StatusSyncJob>().RunAsync(default);
    }

    [Fact]
    public async Task A_STOP_behind_a_burst_of_status_notifications_is_applied_without_any_provider_call_on_the_inbound_path()
    {
        await using var fake = await RingCentralFake.StartAsync();
        await using var app = RingCentralApp(fake);
        var client = app.CreateClient();
        var sms = app.Services.GetRequiredService<SmsService>();
        var contact = (await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Sam Stop", "+13055550123", SmsConsent: SmsConsent.OptedIn))).Contact!;
        await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Al Aska", "+19075550111"));
        var texts = new List<SmsSendResult>();
        foreach (var to in new[] { "+13055550123", "+14055550199", "+19075550111" })
        {
            texts.Add(await sms.SendAsync(new OutboundSms(null, to, "Your chef arrives at 5 pm", SmsPurpose.Transactional), default));
        }
        Assert.All(texts, t => Assert.True(t.Accepted));

        // A campaign's receipts: 300 "something changed" notifications, then the STOP behind them.
        for (var i = 0; i < 300; i++)
        {
            await PostAsync(client, StatusNotification(i));
        }
        await PostAsync(client, ExactlyOnceTests.Sms("+13055550123", "STOP", DateTimeOffset.UtcNow, 1));

        var before = fake.Calls.Count;
        using (var scope = app.Services.CreateScope())
        {
            var processed = await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
            Assert.Equal(301, processed);
        }
        Assert.Equal(before, fake.Calls.Count); // the inbound worker called no provider
        Assert.Equal(SmsConsent.OptedOut, (await app.Services.GetRequiredService<ContactService>().GetAsync(contact.Id, default))!.SmsConsent);
        var pending = await StateAsync(app.Services);
        Assert.NotNull(pending);
        Assert.True(pending!.PendingVersion > pending.SyncedVersion, "status changes are marked pending");
        Assert.Null(pending.SyncToken);

        // The carrier reports; the one status job reads every change with one request (a full sync: no token yet).
        var ids = texts.Select(t => t.ProviderMessageId!).ToList();
        fake.SetStatus(ids[0], "Delivered");
        fake.SetStatus(ids[1], "Sent");
        fake.SetStatus(ids[2], "DeliveryFailed", "SMS-CAR-411");
        Assert.Equal(3, await RunStatusJobAsync(app.Services));
        Assert.Equal(1, fake.CallCount("/message-sync"));
        Assert.Contains("syncType=FSync", fake.Calls.Single(c => c.Path.EndsWith("/message-sync", StringComparison.Ordinal)).Query, StringComparison.Ordinal);
        var synced = await StateAsync(app.Services);
        Assert.Equal(synced!.PendingVersion, synced.SyncedVersion);
        Assert.NotNull(synced.SyncToken);
        Assert.Equal(0, await RunStatusJobAsync(app.Services)); // nothing pending: no request
        Assert.Equal(1, fake.CallCount("/message-sync"));

        var states = await sms.GetStatusesAsync(texts.Select(t => t.MessageId!.Value), default);
        Assert.Equal(OutboundStatus.Delivered, states[texts[0].MessageId!.Value].Status);
        Assert.Equal(OutboundStatus.Sent, states[texts[1].MessageId!.Value].Status);
        Assert.Equal(OutboundStatus.Failed, states[texts[2].MessageId!.Value].Status);
        Assert.Contains("SMS-CAR-411", states[texts[2].MessageId!.Value].Error, StringComparison.Ordinal);

        // Late and repeated reports: the delivered text reported "Sent" again, the sent one delivered now.
        fake.SetStatus(ids[0], "Sent");
        fake.SetStatus(ids[1], "Delivered");
        fake.SetStatus(ids[1], "Delivered");
        await PostAsync(client, StatusNotification(1000));
        await PostAsync(client, StatusNotification(1001));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
        }
        Assert.Equal(1, await RunStatusJobAsync(app.Services));
        var incremental = fake.Calls.Where(c => c.Path.EndsWith("/message-sync", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, incremental.Count); // two notifications, one request
        Assert.Contains("syncType=ISync", incremental[1].Query, StringComparison.Ordinal);
        Assert.Contains($"syncToken={synced.SyncToken}", incremental[1].Query, StringComparison.Ordinal);
        states = await sms.GetStatusesAsync(texts.Select(t => t.MessageId!.Value), default);
        Assert.Equal(OutboundStatus.Delivered, states[texts[0].MessageId!.Value].Status); // never backwards
        Assert.Equal(OutboundStatus.Delivered, states[texts[1].MessageId!.Value].Status);
        // The carrier said the third number cannot take texts: marked with the receipt.
        Assert.True((await app.Services.GetRequiredService<ContactService>().GetSummaryByPhoneAsync("+19075550111", default))!.NumberInvalid);
    }

    [Fact]
    public async Task A_status_read_that_fails_leaves_the_changes_pending_and_the_next_run_reads_them()
    {
        await using var fake = await RingCentralFake.StartAsync();
        await using var app = RingCentralApp(fake);
        var client = app.CreateClient();
        var sms = app.Services.GetRequiredService<SmsService>();
        var sent = await sms.SendAsync(new OutboundSms(null, "+14055550199", "See you Friday", SmsPurpose.Transactional), default);
        fake.SetStatus(sent.ProviderMessageId!, "Delivered");
        await PostAsync(client, StatusNotification(1));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
        }

        fake.Limits["light"] = 0; // every status read is refused; the client retries as told, then gives up
        fake.RetryAfterSeconds = 0;
        Assert.Equal(0, await RunStatusJobAsync(app.Services));
        var state = await StateAsync(app.Services);
        Assert.True(state!.PendingVersion > state.SyncedVersion);
        Assert.StartsWith("failed:", state.LastError, StringComparison.Ordinal);
        Assert.Null(state.LockedBy);

        fake.Limits["light"] = 50;
        Assert.Equal(1, await RunStatusJobAsync(app.Services));
        Assert.Equal(OutboundStatus.Delivered, (await sms.GetAsync(sent.MessageId!.Value, default))!.Status);
    }

    [Fact]
    public async Task Notifications_while_a_read_runs_make_another_read_and_the_sandbox_marks_nothing()
    {
        await using var fake = await RingCentralFake.StartAsync();
        await using var app = RingCentralApp(fake);
        var sync = app.Services.GetRequiredService<OutboundStatusSync>();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await sync.MarkPendingAsync(db, default);
            await sync.MarkPendingAsync(db, default); // one bump per unit of work
            await db.SaveChangesAsync();
        }
        Assert.Equal(1, (await StateAsync(app.Services))!.PendingVersion);
        await RunStatusJobAsync(app.Services);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await sync.MarkPendingAsync(db, default);
            await db.SaveChangesAsync();
        }
        var state = await StateAsync(app.Services);
        Assert.Equal(2, state!.PendingVersion);
        Assert.Equal(1, state.SyncedVersion);

        await using var sandbox = new AppFactory().With("Hangfire:ProcessJobs", "false");
        await using var sdb = await sandbox.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.StartsWith("noted", await sandbox.Services.GetRequiredService<OutboundStatusSync>().MarkPendingAsync(sdb, default), StringComparison.Ordinal);
        Assert.Empty(sdb.ChangeTracker.Entries<ProviderSyncState>());
    }
}
