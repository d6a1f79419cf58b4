using System.Diagnostics;
using System.Net;
using System.Text;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// The app in a separate process is killed (SIGKILL) in the middle of a webhook burst; a new host over
/// the same database then finishes the work: every acknowledged notification is processed exactly
/// once — each STOP applied with one confirmation, each inquiry one lead, each text once in its thread.
/// </summary>
[Collection(TestCollections.ChildProcesses)]
public sealed class KillTests(ITestOutputHelper output)
{
    private const string Token = "kill-test-token";

    private static string Text(int i) => (i % 3) switch
    {
        0 => "STOP",
        1 => "Hi! Do you have availability for a hibachi party of 18 on December 19 in 10001?",
        _ => "Thanks, talk soon",
    };

    private static string PhoneOf(int i) => $"+1212555{3000 + i:D4}";

    [Fact]
    public async Task A_kill_mid_burst_then_a_restart_processes_every_acknowledged_notification_exactly_once()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), $"hibachi-kill-{Guid.NewGuid():N}.db");
        var port = ChildApp.FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        var app = ChildApp.Start(databasePath, port, Token, "admin@kill.test");
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<int>();
        // Signalled by the sender that gets the 250th acknowledgement: the moment to kill.
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await ChildAppHealth.WaitAsync(http);

            // 600 notifications from 32 senders at once; the process is killed once 250 are acknowledged.
            const int total = 600;
            var next = -1;
            using var killed = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 32).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < total && !killed.IsCancellationRequested)
                {
                    var body = ExactlyOnceTests.Sms(PhoneOf(i), Text(i), DateTimeOffset.UtcNow, i);
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                    request.Headers.Add("Verification-Token", Token);
                    try
                    {
                        if ((await http.SendAsync(request)).StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(i);
                            if (acknowledged.Count >= 250)
                            {
                                enoughAcknowledged.TrySetResult();
                            }
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                    }
                }
            }).ToList();
            await Task.WhenAny(enoughAcknowledged.Task, Task.Delay(TimeSpan.FromSeconds(90)));
            app.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            killed.Cancel();
            await Task.WhenAll(workers);
            await app.WaitForExitAsync();
            output.WriteLine($"acknowledged before the kill: {acknowledged.Count}");
            Assert.True(acknowledged.Count >= 250, $"only {acknowledged.Count} notifications were acknowledged before the kill");
        }
        finally
        {
            if (!app.HasExited)
            {
                app.Kill(entireProcessTree: true);
            }
        }

        // Restart: a host over the same database file; claims left by the dead process expire (30 s lease).
        var restartTime = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        await using var restarted = AppFactory.OverDatabase(databasePath, deleteDatabase: true).With("RingCentral:VerificationToken", Token);
        restarted.Time = restartTime;
        _ = restarted.Services; // starts the host: the backlog is queued for processing on start
        await Pipeline.RunToCompletionAsync(restarted.Services, maxRounds: 200);

        await using var db = await restarted.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.Set<InboundEvent>().AsNoTracking().ToListAsync();
        Assert.All(stored, e => Assert.NotNull(e.ProcessedAt));
        var storedIds = stored.Select(e => e.ExternalId).ToHashSet();
        Assert.All(acknowledged, i => Assert.Contains($"uuid-{PhoneOf(i)}-{i}", storedIds)); // durable before acknowledged
        Assert.False(await db.Set<OutboxEntry>().AnyAsync(o => o.DispatchedAt == null));

        var senders = stored.Select(e => int.Parse(e.ExternalId.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var contacts = await db.Set<Contact>().AsNoTracking().ToDictionaryAsync(c => c.Phone!);
        var inbound = await db.Set<ConversationMessage>().AsNoTracking().Where(m => m.Direction == MessageDirection.Inbound).ToListAsync();
        var confirmations = await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.Purpose == SmsPurpose.OptOutConfirmation).GroupBy(m => m.To).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var leads = await db.Set<Lead>().AsNoTracking().GroupBy(l => l.ContactId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        Assert.Equal(senders.Count, inbound.Count);
        foreach (var i in senders)
        {
            var contact = contacts[PhoneOf(i)];
            switch (i % 3)
            {
                case 0:
                    Assert.Equal(SmsConsent.OptedOut, contact.SmsConsent);
                    Assert.Equal(1, confirmations.GetValueOrDefault(PhoneOf(i)));
                    break;
                case 1:
                    Assert.Equal(1, leads.GetValueOrDefault(contact.Id));
                    break;
                default:
                    Assert.Equal(0, leads.GetValueOrDefault(contact.Id));
                    break;
            }
        }
        output.WriteLine($"stored {stored.Count}, all processed once; STOP senders {senders.Count(i => i % 3 == 0)}, inquiries {senders.Count(i => i % 3 == 1)}");
    }
}
