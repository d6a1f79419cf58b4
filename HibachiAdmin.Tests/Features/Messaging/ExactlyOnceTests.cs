using HibachiAdmin.Features.Messaging.Contracts;
using System.Net;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Inbound processing is all or nothing, then exactly once: for each kind of notification, every
/// database command along its whole path (processing, then the outbox effects) is made to fail in
/// turn — that command and every one after it, as if the process died there — and then the work is
/// run again. The end state must equal a run without faults: consent applied once, one confirmation
/// reaching the provider, one lead, one message in the thread.
/// </summary>
public sealed class ExactlyOnceTests(ITestOutputHelper output)
{
    private const string Token = "exactly-once-token";
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 16, 0, 0, TimeSpan.Zero);

    public sealed record Snapshot(
        string Consent, int ConsentChanges, int InboundInThread, int OutboundInThread, string OutboundRows, int ProviderSends,
        string Leads, int Calls, bool CallLinkedToLead, int Unprocessed, int UndispatchedOutbox);

    public sealed class Scenario(string name, Func<string, DateTimeOffset, int, string> payload, string webhook = "sms", Func<AppFactory, string, Task>? setup = null)
    {
        public string Name { get; } = name;
        public Func<string, DateTimeOffset, int, string> Payload { get; } = payload;
        public string Webhook { get; } = webhook;
        public Func<AppFactory, string, Task>? Setup { get; } = setup;
        public override string ToString() => Name;
    }

    public static string Sms(string from, string text, DateTimeOffset at, int n) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["uuid"] = $"uuid-{from}-{n}",
        ["event"] = "/restapi/v1.0/account/400012345008/extension/400012345008/message-store/instant?type=SMS",
        ["body"] = new Dictionary<string, object>
        {
            ["id"] = $"msg-{from}-{n}",
            ["from"] = new { phoneNumber = from },
            ["to"] = new[] { new { phoneNumber = "+12125550147" } },
            ["type"] = "SMS",
            ["direction"] = "Inbound",
            ["subject"] = text,
            ["creationTime"] = at.UtcDateTime.ToString("O"),
        },
    });

    private static string Voicemail(string from, int n) =>
        Fixtures.Read("ringcentral-telephony-session-voicemail.json")
            .Replace("+14055550199", from, StringComparison.Ordinal)
            .Replace("9a1b2c3d-0004-4e5f-8a9b-0c1d2e3f4a04", $"uuid-vm-{from}-{n}", StringComparison.Ordinal)
            .Replace("s-b1e8d3f5a2c4f6a1b0e9d8c7f6a5b4c3", $"s-{from}-{n}", StringComparison.Ordinal);

    public static TheoryData<Scenario> Scenarios() =>
    [
        new Scenario("STOP", (p, at, n) => Sms(p, "Stop", at, n)),
        new Scenario("START after an opt-out", (p, at, n) => Sms(p, "START", at, n), setup: async (app, p) =>
        {
            var contacts = app.Services.GetRequiredService<ContactService>();
            var created = await contacts.FindOrCreateByPhoneAsync(p, "Opted Out", default);
            await contacts.SetConsentAsync(created!.Value.Contact.Id, new ConsentChange(SmsConsent.OptedOut, "staff", "asked by phone"), Actor.System, default);
        }),
        new Scenario("HELP", (p, at, n) => Sms(p, "help", at, n)),
        new Scenario("booking inquiry", (p, at, n) => Sms(p, "Hi! Can you do hibachi for 20 guests on December 12 in 10001? It's a birthday", at, n)),
        new Scenario("unknown sender", (p, at, n) => Sms(p, "Hello, who is this?", at, n)),
        new Scenario("voicemail from a new caller", (p, _, n) => Voicemail(p, n), webhook: "voice"),
        // The double opt-in question (an ask by staff, sent from the outbox) next to an ordinary text from the person.
        new Scenario("opt-in asked by staff", (p, at, n) => Sms(p, "Thanks!", at, n), setup: async (app, p) =>
        {
            var created = await app.Services.GetRequiredService<ContactService>().CreateAsync(
                new CreateContactRequest("Asked", p, SmsConsent: SmsConsent.OptedIn, ConsentSource: "paper-form"), Actor.System, default);
            Assert.Equal(SmsConsent.PendingConfirmation, created.Contact!.SmsConsent);
        }),
    ];

    internal static (AppFactory App, FaultInjector Faults, RecordingSmsProvider Provider, FakeTimeProvider Time) NewApp()
    {
        var faults = new FaultInjector();
        var provider = new RecordingSmsProvider();
        var time = new FakeTimeProvider(Start);
        var app = new AppFactory
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.AddSingleton<IInterceptor>(faults);
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
            },
        }.With("RingCentral:VerificationToken", Token).With("Hangfire:ProcessJobs", "false");
        return (app, faults, provider, time);
    }

    internal static async Task PostAsync(HttpClient client, string webhook, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/ringcentral/webhooks/{webhook}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Verification-Token", Token);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<Snapshot> SnapshotAsync(IServiceProvider services, RecordingSmsProvider provider, string phone)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var contact = await db.Set<Contact>().AsNoTracking().SingleOrDefaultAsync(c => c.Phone == phone);
        var thread = await db.Set<ConversationThread>().AsNoTracking().SingleOrDefaultAsync(t => t.ExternalId == phone);
        var messages = thread is null ? [] : await db.Set<ConversationMessage>().AsNoTracking().Where(m => m.ThreadId == thread.Id).ToListAsync();
        var outbound = await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.To == phone).OrderBy(m => m.Purpose).Select(m => $"{m.Purpose}:{m.Status}").ToListAsync();
        var leads = contact is null ? [] : await db.Set<Lead>().AsNoTracking().Where(l => l.ContactId == contact.Id).Select(l => $"{l.Source}:{l.Status}:{l.GuestCount}").ToListAsync();
        var calls = await db.Set<CallLog>().AsNoTracking().Where(c => c.FromNumber == phone).ToListAsync();
        return new Snapshot(
            contact?.SmsConsent.ToString() ?? "no contact",
            contact is null ? 0 : await db.Set<ConsentLedgerEntry>().CountAsync(e => e.ContactId == contact.Id && e.From != e.To),
            messages.Count(m => m.Direction == MessageDirection.Inbound),
            messages.Count(m => m.Direction == MessageDirection.Outbound),
            string.Join(",", outbound),
            provider.CountTo(phone),
            string.Join(",", leads),
            calls.Count,
            calls.Count > 0 && calls.All(c => c.LeadId != null),
            await db.Set<InboundEvent>().CountAsync(e => e.ProcessedAt == null),
            await db.Set<OutboxEntry>().CountAsync(o => o.DispatchedAt == null));
    }

    /// <summary>One pass of the background work, as Hangfire would run it; a fault ends it like a crash would.</summary>
    private static async Task RunOnceAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<ProcessInboundEventJob>().DrainAsync(default);
        }
        catch (InjectedFaultException)
        {
        }
        catch (DbUpdateException ex) when (ex.InnerException is InjectedFaultException)
        {
        }
        try
        {
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchBatchAsync(500, default);
        }
        catch (InjectedFaultException)
        {
        }
        catch (DbUpdateException ex) when (ex.InnerException is InjectedFaultException)
        {
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task A_crash_at_any_database_command_then_a_retry_ends_as_a_clean_run(Scenario scenario)
    {
        var (app, faults, provider, time) = NewApp();
        await using var _ = app;
        var client = app.CreateClient();

        // The clean run, counting the commands of its whole path.
        const string cleanPhone = "+12125550100";
        if (scenario.Setup is { } setup)
        {
            await setup(app, cleanPhone);
        }
        await PostAsync(client, scenario.Webhook, scenario.Payload(cleanPhone, time.GetUtcNow(), 0));
        faults.StartCounting();
        await Pipeline.RunToCompletionAsync(app.Services);
        var commands = faults.Count;
        faults.Disarm();
        var expected = await SnapshotAsync(app.Services, provider, cleanPhone);
        output.WriteLine($"{scenario}: {commands} commands; clean end state {expected}");
        Assert.True(commands > 5, $"the path should run several commands, counted {commands}");
        Assert.Equal(0, expected.Unprocessed);

        for (var n = 1; n <= commands; n++)
        {
            var phone = $"+1212555{1000 + n:D4}";
            if (scenario.Setup is { } s)
            {
                await s(app, phone);
            }
            await PostAsync(client, scenario.Webhook, scenario.Payload(phone, time.GetUtcNow(), n));

            faults.FailFrom(n);
            await RunOnceAsync(app.Services);
            faults.Disarm();

            // Later: leases of the "dead" attempt expire, back-off passes, and the work runs again.
            time.Advance(TimeSpan.FromMinutes(10));
            await Pipeline.RunToCompletionAsync(app.Services);
            // A second retry changes nothing (redelivery of the same work).
            await RunOnceAsync(app.Services);

            var actual = await SnapshotAsync(app.Services, provider, phone);
            Assert.True(expected == actual, $"{scenario}, crash at command {n} of {commands}:\n expected {expected}\n actual   {actual}");
        }
    }
}
