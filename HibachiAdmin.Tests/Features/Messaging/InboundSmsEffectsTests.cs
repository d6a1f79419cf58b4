using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.Ai;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>One app for <see cref="InboundSmsEffectsTests"/>: frozen clock, jobs driven by hand, a scripted intent model, counted database commands.</summary>
public sealed class InboundEffectsAppFactory : AppFactory
{
    public const string FromNumber = "+12125550147";
    public const string BusinessPhone = "+12125550148";

    public FaultInjector Commands { get; } = new();

    public ScriptedChatClient Model { get; }

    public InboundEffectsAppFactory()
    {
        Time = TestClock.Frozen();
        Model = new ScriptedChatClient(Time);
        ConfigureTestServices = s =>
        {
            s.AddSingleton<IInterceptor>(Commands);
            s.AddSingleton<IChatClient>(Model);
        };
        With("RingCentral:VerificationToken", "exactly-once-token");
        With("Hangfire:ProcessJobs", "false");
        With("RingCentral:FromNumber", FromNumber);
        With("Business:Phone", "(212) 555-0148");
    }
}

/// <summary>
/// Inbound texts at their edges: every person gets their own confirmation and HELP answer (once), the
/// text that changed consent is the evidence in the ledger, the outcome names the thread, a booking
/// intent fills the lead within the model's limits, our own and staff numbers never become leads, and
/// a batch looks its contacts and threads up in one query each.
/// </summary>
public sealed class InboundSmsEffectsTests(InboundEffectsAppFactory app) : IClassFixture<InboundEffectsAppFactory>
{
    private static string NewPhone() => TestPhones.Next("305").E164;

    private FakeTimeProvider Clock => app.Time!;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private Task PostAsync(string from, string text, DateTimeOffset at, int n) =>
        ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", ExactlyOnceTests.Sms(from, text, at, n));

    private Task RunAsync() => Pipeline.RunToCompletionAsync(app.Services);

    private async Task<AppDbContext> DbAsync() => await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<string?> OutcomeAsync(string from, int n)
    {
        await using var db = await DbAsync();
        return (await db.Set<InboundEvent>().AsNoTracking().SingleAsync(e => e.ExternalId == $"uuid-{from}-{n}")).Outcome;
    }

    private async Task<Guid> ThreadAsync(string phone)
    {
        await using var db = await DbAsync();
        return (await db.Set<ConversationThread>().AsNoTracking().SingleAsync(t => t.Platform == Platform.Sms && t.ExternalId == phone)).Id;
    }

    private async Task<Lead?> LeadAsync(string phone)
    {
        await using var db = await DbAsync();
        var contact = await db.Set<Contact>().AsNoTracking().SingleAsync(c => c.Phone == phone);
        return await db.Set<Lead>().AsNoTracking().SingleOrDefaultAsync(l => l.ContactId == contact.Id);
    }

    /// <summary>Counts, per needle, the database commands whose SQL contains it (all "&&"-separated parts of it) while <paramref name="work"/> runs.</summary>
    private async Task<int[]> CountCommandsAsync(Func<Task> work, params string[] needles)
    {
        var counts = new int[needles.Length];
        var parts = needles.Select(n => n.Split("&&")).ToArray();
        app.Commands.FailWhen(c =>
        {
            for (var i = 0; i < parts.Length; i++)
            {
                if (parts[i].All(p => c.CommandText.Contains(p, StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref counts[i]);
                }
            }
            return false;
        });
        try
        {
            await work();
        }
        finally
        {
            app.Commands.Disarm();
        }
        return counts;
    }

    private const string StaffPhonesQuery = "\"AspNetUsers\"&&\"PhoneNumber\"";

    [Fact]
    public void The_effects_handler_keeps_its_stored_name_and_takes_exactly_the_four_inbound_events()
    {
        var handler = app.Services.GetServices<IEventHandler>().OfType<InboundSmsEffects>().Single();
        // Processed marks are stored under this name: renaming it would run every effect (texts!) again.
        Assert.Equal("messaging.inbound-effects", handler.Name);
        Assert.All([MessagingEvents.OptedOut, MessagingEvents.OptedIn, MessagingEvents.HelpRequested, MessagingEvents.Received], t => Assert.True(handler.Handles(t), t));
        Assert.All(["sms.opted-out.v2", "booking.created.v1", "call.missed.v1", ""], t => Assert.False(handler.Handles(t), t));
    }

    [Fact]
    public async Task Every_person_gets_their_own_opt_out_help_and_opt_in_reply_once_and_in_their_thread()
    {
        var people = new[] { NewPhone(), NewPhone() };
        var at = Now.AddMinutes(-5);
        foreach (var p in people)
        {
            await PostAsync(p, "STOP", at, 1);
            await PostAsync(p, "HELP", at.AddSeconds(10), 2);
            await PostAsync(p, "START", at.AddSeconds(20), 3);
        }
        await RunAsync();
        await RunAsync(); // nothing left to do: no second reply

        var texts = app.Services.GetRequiredService<SmsService>();
        await using var db = await DbAsync();
        foreach (var p in people)
        {
            var sent = await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.To == p).ToListAsync();
            Assert.Equal(3, sent.Count);
            Assert.All(sent, m => Assert.NotEqual(OutboundStatus.Refused, m.Status));
            Assert.Equal(texts.OptOutConfirmationText, Assert.Single(sent, m => m.Purpose == SmsPurpose.OptOutConfirmation).Text);
            Assert.Equal(texts.HelpText, Assert.Single(sent, m => m.Purpose == SmsPurpose.Help).Text);
            Assert.Equal(texts.OptInConfirmationText, Assert.Single(sent, m => m.Purpose == SmsPurpose.Conversational).Text);
            var thread = await ThreadAsync(p);
            var replies = await db.Set<ConversationMessage>().AsNoTracking()
                .Where(m => m.ThreadId == thread && m.Direction == MessageDirection.Outbound).Select(m => m.Text).ToListAsync();
            Assert.Equal(new[] { texts.HelpText, texts.OptInConfirmationText, texts.OptOutConfirmationText }.Order(), replies.Order());
            Assert.Equal(SmsConsent.OptedIn, (await db.Set<Contact>().AsNoTracking().SingleAsync(c => c.Phone == p)).SmsConsent);
        }
    }

    [Fact]
    public async Task The_text_that_changed_consent_is_the_evidence_and_each_outcome_names_the_thread()
    {
        var p = NewPhone();
        var stopAt = Now.AddMinutes(-10);
        await PostAsync(p, "STOP", stopAt, 1);
        await RunAsync();
        var thread = await ThreadAsync(p);
        Assert.Equal($"opt-out applied (thread {thread})", await OutcomeAsync(p, 1));

        // An older START (delivered late) is evidence, not a change; a repeated STOP changes nothing.
        await PostAsync(p, "START", stopAt.AddSeconds(-30), 2);
        await PostAsync(p, "Stop", stopAt.AddSeconds(30), 3);
        await PostAsync(p, "help", stopAt.AddSeconds(40), 4);
        await PostAsync(p, "Hello there", stopAt.AddSeconds(50), 5);
        await PostAsync(p, "Cancel my appointment please", stopAt.AddSeconds(55), 6);
        await RunAsync();
        Assert.Equal($"opt-in superseded (thread {thread})", await OutcomeAsync(p, 2));
        Assert.Equal($"opt-out unchanged (thread {thread})", await OutcomeAsync(p, 3));
        Assert.Equal($"help requested (thread {thread})", await OutcomeAsync(p, 4));
        Assert.Equal($"appended to thread {thread}", await OutcomeAsync(p, 5));
        Assert.Equal($"appended to thread {thread} (looks like a keyword; left for staff)", await OutcomeAsync(p, 6));

        await PostAsync(p, "START", stopAt.AddMinutes(1), 7);
        await RunAsync();
        Assert.Equal($"opt-in applied (thread {thread})", await OutcomeAsync(p, 7));

        await using var db = await DbAsync();
        var contact = await db.Set<Contact>().AsNoTracking().SingleAsync(c => c.Phone == p);
        var ledger = await db.Set<ConsentLedgerEntry>().AsNoTracking().Where(e => e.ContactId == contact.Id).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(3, ledger.Count);
        Assert.All(ledger, e => Assert.Equal((ContactService.KeywordSource, "system", p), (e.Source, e.ChangedBy, e.Phone)));
        string Evidence(int n, DateTimeOffset at, string text) => $"Inbound SMS msg-{p}-{n} at {at.UtcDateTime:O}: \"{text}\"";

        Assert.Equal((SmsConsent.None, SmsConsent.OptedOut, stopAt.UtcDateTime, Evidence(1, stopAt, "STOP")), (ledger[0].From, ledger[0].To, ledger[0].At, ledger[0].Evidence));
        Assert.Equal((SmsConsent.OptedOut, SmsConsent.OptedOut, stopAt.UtcDateTime.AddSeconds(-30)), (ledger[1].From, ledger[1].To, ledger[1].At));
        Assert.StartsWith($"Not applied (OptedIn is older than the change at {stopAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss}", ledger[1].Evidence);
        Assert.EndsWith($"): {Evidence(2, stopAt.AddSeconds(-30), "START")}", ledger[1].Evidence);
        Assert.Equal((SmsConsent.OptedOut, SmsConsent.OptedIn, stopAt.UtcDateTime.AddMinutes(1), Evidence(7, stopAt.AddMinutes(1), "START")), (ledger[2].From, ledger[2].To, ledger[2].At, ledger[2].Evidence));
        Assert.Equal((SmsConsent.OptedIn, stopAt.UtcDateTime.AddMinutes(1), ContactService.KeywordSource), (contact.SmsConsent, contact.SmsConsentChangedAt, contact.SmsConsentSource));
    }

    [Fact]
    public async Task A_notification_with_a_malformed_body_is_recorded_as_ignored_with_the_reason()
    {
        var p = NewPhone();
        var payload = JsonNode.Parse(ExactlyOnceTests.Sms(p, "STOP", Now.AddMinutes(-1), 1))!;
        payload["body"]!.AsObject().Remove("from");
        await ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", payload.ToJsonString());
        await RunAsync();
        Assert.Equal("ignored: body.from is missing or not an object", await OutcomeAsync(p, 1));
    }

    private static string Intent(int? guests, string? zip, string? city, string? occasion, string kind = "bookingInquiry") =>
        new JsonObject
        {
            ["kind"] = kind, ["confidence"] = 0.9, ["eventDate"] = "2026-12-12", ["guestCount"] = guests, ["zip"] = zip, ["city"] = city,
            ["occasion"] = occasion, ["budget"] = 1500.5,
        }.ToJsonString();

    [Fact]
    public async Task A_booking_intent_fills_the_lead_within_the_lead_limits_and_other_texts_make_none()
    {
        var atLimits = NewPhone();
        var overLimits = NewPhone();
        var notBooking = NewPhone();
        var model = app.Model;
        model.Intents[$"intent {atLimits}"] = Intent(1, "1234567890", new string('c', 200), "baby shower" + new string('!', 89));
        model.Intents[$"intent {overLimits}"] = Intent(0, "12345678901", new string('c', 201), new string('o', 101));
        model.Intents[$"intent {notBooking}"] = Intent(20, "10001", "Miami", "birthday", kind: "pricingQuestion");
        var at = Now.AddMinutes(-1);
        await PostAsync(atLimits, $"intent {atLimits}", at, 1);
        await PostAsync(overLimits, $"intent {overLimits}", at, 1);
        await PostAsync(notBooking, $"intent {notBooking}", at, 1);
        await RunAsync();

        var lead = (await LeadAsync(atLimits))!;
        Assert.Equal((LeadSource.Sms, new DateOnly(2026, 12, 12), 1, "1234567890", new string('c', 200), "Baby shower" + new string('!', 89), 1500.5m),
            (lead.Source, lead.EventDate, lead.GuestCount, lead.Zip, lead.Location, lead.Occasion, lead.EstimatedValue));
        // The text is what came in, kept apart from the staff's notes.
        Assert.Null(lead.Notes);
        Assert.Equal($"SMS {at.UtcDateTime:yyyy-MM-dd}: intent {atLimits}", Assert.Single(await app.Services.GetRequiredService<LeadService>().GetInquiriesAsync(lead.Id, default)).Text);
        await using (var db = await DbAsync())
        {
            var message = await db.Set<ConversationMessage>().AsNoTracking().SingleAsync(m => m.ExternalId == $"msg-{atLimits}-1");
            Assert.Equal((message.ThreadId, message.Id), (lead.ThreadId!.Value, lead.MessageId!.Value));
        }

        // Beyond what a lead holds (or nothing at all): the lead is made, those fields left for staff.
        var over = (await LeadAsync(overLimits))!;
        Assert.Equal((new DateOnly(2026, 12, 12), (int?)null, (string?)null, (string?)null, (string?)null), (over.EventDate, over.GuestCount, over.Zip, over.Location, over.Occasion));
        Assert.Null(await LeadAsync(notBooking));

        var emptyOccasion = NewPhone();
        model.Intents[$"intent {emptyOccasion}"] = Intent(-3, null, null, "");
        await PostAsync(emptyOccasion, $"intent {emptyOccasion}", at, 1);
        await RunAsync();
        var empty = (await LeadAsync(emptyOccasion))!;
        Assert.Equal(((int?)null, (string?)null), (empty.GuestCount, empty.Occasion));
    }

    [Fact]
    public async Task Our_own_numbers_and_staff_phones_never_become_leads_and_are_read_once_a_minute()
    {
        Clock.Advance(TimeSpan.FromMinutes(5)); // whatever an earlier test cached has expired
        var staffPhone = NewPhone();
        var user = await app.CreateUserAsync($"staff-{staffPhone[^4..]}@test.local", AppFactory.AdminPassword, Roles.Staff);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var stored = (await users.FindByIdAsync(user.Id))!;
            stored.PhoneNumber = $"({staffPhone[2..5]}) {staffPhone[5..8]}-{staffPhone[8..]}";
            Assert.True((await users.UpdateAsync(stored)).Succeeded);
        }
        const string inquiry = "Hi! Can you do hibachi for 20 guests on December 12 in 10001?";
        var stranger = NewPhone();
        var queries = await CountCommandsAsync(async () =>
        {
            var at = Now.AddSeconds(-30);
            await PostAsync(staffPhone, inquiry, at, 1);
            await PostAsync(InboundEffectsAppFactory.FromNumber, inquiry, at, 1);
            await PostAsync(InboundEffectsAppFactory.BusinessPhone, inquiry, at, 1);
            await PostAsync(stranger, inquiry, at, 1);
            await RunAsync();
        }, StaffPhonesQuery);
        Assert.Equal([1], queries);
        Assert.Null(await LeadAsync(staffPhone));
        Assert.Null(await LeadAsync(InboundEffectsAppFactory.FromNumber));
        Assert.Null(await LeadAsync(InboundEffectsAppFactory.BusinessPhone));
        Assert.NotNull(await LeadAsync(stranger));

        // Read again once the minute is over, not before.
        async Task<int> InquiryAfterAsync(TimeSpan wait)
        {
            Clock.Advance(wait);
            var p = NewPhone();
            return (await CountCommandsAsync(async () =>
            {
                await PostAsync(p, inquiry, Now.AddSeconds(-1), 1);
                await RunAsync();
            }, StaffPhonesQuery))[0];
        }
        Assert.Equal(0, await InquiryAfterAsync(TimeSpan.FromSeconds(59)));
        Assert.Equal(1, await InquiryAfterAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_batch_looks_up_its_senders_and_threads_in_one_query_each()
    {
        var senders = Enumerable.Range(0, 4).Select(_ => NewPhone()).ToList();
        foreach (var p in senders)
        {
            await PostAsync(p, "Hello, who is this?", Now.AddSeconds(-5), 1);
        }
        var counts = await CountCommandsAsync(RunAsync, "FROM \"Contacts\"", "FROM \"Threads\"", "FROM \"Messages\"");
        Assert.Equal([1, 1, 0], counts); // no thread yet, so no message query either
        await using var db = await DbAsync();
        Assert.Equal(4, await db.Set<Contact>().CountAsync(c => senders.Contains(c.Phone!)));
    }
}
