using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Reading an inbound RingCentral text: every malformed field is named (the event is then ignored,
/// not retried), provider time orders consent but never runs ahead of arrival, and the outcome of
/// each text (keyword applied, HELP, left for staff, inquiry → lead, not for our own numbers) is what
/// staff see in the event log.
/// </summary>
public sealed class InboundSmsTests
{
    private static readonly DateTime Received = TestClock.Start.UtcDateTime;

    private static InboundSms? Read(string body, out string? problem) => InboundSms.TryRead(JsonDocument.Parse(body).RootElement, Received, out problem);

    [Theory]
    [InlineData("""{"id":"1","subject":"hi"}""", "body.from is missing or not an object")]
    [InlineData("""{"from":"+12125550100","id":"1"}""", "body.from is missing or not an object")]
    [InlineData("""{"from":{},"id":"1"}""", "body.from.phoneNumber is missing or not a string")]
    [InlineData("""{"from":{"phoneNumber":12125550100},"id":"1"}""", "body.from.phoneNumber is missing or not a string")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100","name":5},"id":"1"}""", "body.from.name is not a string")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100"}}""", "body.id is missing or not a string or number")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100"},"id":true}""", "body.id is missing or not a string or number")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100"},"id":""}""", "body.id is empty or longer than 100 characters")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100"},"id":"1","subject":7}""", "body.subject is not a string")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100"},"id":"1","creationTime":"yesterday"}""", "body.creationTime is not an ISO 8601 time")]
    [InlineData("""{"from":{"phoneNumber":"+12125550100"},"id":"1","creationTime":12}""", "body.creationTime is not an ISO 8601 time")]
    public void A_malformed_field_is_named(string body, string problem)
    {
        Assert.Null(Read(body, out var found));
        Assert.Equal(problem, found);
    }

    [Fact]
    public void Ids_may_be_numbers_and_are_at_most_100_characters()
    {
        Assert.Equal("1740001234016", Read("""{"from":{"phoneNumber":"+12125550100"},"id":1740001234016}""", out _)!.MessageId);
        Assert.Equal(new string('i', 100), Read($$"""{"from":{"phoneNumber":"+12125550100"},"id":"{{new string('i', 100)}}"}""", out _)!.MessageId);
        Assert.Null(Read($$"""{"from":{"phoneNumber":"+12125550100"},"id":"{{new string('i', 101)}}"}""", out var problem));
        Assert.Equal("body.id is empty or longer than 100 characters", problem);
    }

    [Fact]
    public void Optional_fields_may_be_absent_or_null()
    {
        var sms = Read("""{"from":{"phoneNumber":"+12125550100","name":null},"id":"7","subject":null,"creationTime":null}""", out var problem)!;
        Assert.Null(problem);
        Assert.Equal(new InboundSms("+12125550100", null, "7", "", Received), sms);
        var named = Read("""{"from":{"phoneNumber":"+12125550100","name":"Ava"},"id":"8","subject":"Stop"}""", out _)!;
        Assert.Equal(("Ava", "Stop"), (named.FromName, named.Text));
    }

    [Fact]
    public void Provider_time_is_used_when_earlier_than_arrival_and_capped_at_arrival()
    {
        var earlier = Read("""{"from":{"phoneNumber":"+12125550100"},"id":"1","creationTime":"2026-11-24T09:59:30-05:00"}""", out _)!;
        Assert.Equal(Received.AddSeconds(-30), earlier.SentAt);
        Assert.Equal(DateTimeKind.Utc, earlier.SentAt.Kind);
        var skewed = Read("""{"from":{"phoneNumber":"+12125550100"},"id":"1","creationTime":"2026-11-24T15:05:00Z"}""", out _)!;
        Assert.Equal(Received, skewed.SentAt);
    }

    private const string Token = "exactly-once-token"; // what ExactlyOnceTests.PostAsync sends

    private static AppFactory NewApp() => new AppFactory()
        .With("RingCentral:VerificationToken", Token)
        .With("Hangfire:ProcessJobs", "false")
        .With("RingCentral:FromNumber", "+12125550147")
        .With("Business:Phone", "(212) 555-0148");

    private static async Task<Dictionary<string, string?>> OutcomesAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<InboundEvent>().ToDictionaryAsync(e => e.ExternalId, e => e.Outcome);
    }

    [Fact]
    public async Task Each_text_gets_an_outcome_staff_can_read_and_only_its_effects()
    {
        await using var app = NewApp();
        var client = app.CreateClient();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        async Task Post(string from, string text, int n) => await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms(from, text, at.AddSeconds(n), n));
        await Post("+13055550101", "STOP", 1);
        await Post("+13055550101", "stop", 2);          // already opted out
        await Post("+13055550102", "HELP", 3);
        await Post("+13055550103", "Cancel my appointment please", 4);
        await Post("+13055550104", "Hi! Can you do hibachi for 20 guests on December 12 in 10001?", 5);
        await Post("+12125550148", "Hi! Can you do hibachi for 20 guests on December 12 in 10001?", 6); // our own business number
        await Post("+13055550106", "Party for 501 guests on December 12?", 7);
        await Post("+13055550107", "Party for 500 guests on December 12?", 9);
        await Post("12345", "hello", 8);
        await Pipeline.RunToCompletionAsync(app.Services);
        // A redelivery of the same message under a new notification id.
        var again = System.Text.Json.Nodes.JsonNode.Parse(ExactlyOnceTests.Sms("+13055550102", "HELP", at.AddSeconds(3), 3))!;
        again["uuid"] = "uuid-redelivered";
        await ExactlyOnceTests.PostAsync(client, "sms", again.ToJsonString());
        await Pipeline.RunToCompletionAsync(app.Services);

        var outcomes = await OutcomesAsync(app);
        Assert.StartsWith("opt-out applied (thread ", outcomes["uuid-+13055550101-1"]);
        Assert.StartsWith("opt-out unchanged (thread ", outcomes["uuid-+13055550101-2"]);
        Assert.StartsWith("help requested (thread ", outcomes["uuid-+13055550102-3"]);
        Assert.EndsWith("(looks like a keyword; left for staff)", outcomes["uuid-+13055550103-4"]);
        Assert.StartsWith("appended to thread ", outcomes["uuid-+13055550104-5"]);
        Assert.Equal("ignored: sender is not a valid number", outcomes["uuid-12345-8"]);
        Assert.Equal("duplicate message", outcomes["uuid-redelivered"]);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var texts = await db.Set<OutboundMessage>().AsNoTracking().ToListAsync();
        var confirmation = Assert.Single(texts, m => m.Purpose == SmsPurpose.OptOutConfirmation);
        Assert.Equal("+13055550101", confirmation.To);
        Assert.Contains("unsubscribed", confirmation.Text);
        Assert.Equal("+13055550102", Assert.Single(texts, m => m.Purpose == SmsPurpose.Help).To);
        Assert.Equal(2, texts.Count); // no reply to the "Cancel my appointment" text, the inquiry or the stranger

        var leads = await db.Set<Lead>().AsNoTracking().ToListAsync();
        var contacts = await db.Set<Contact>().AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Phone);
        var inquiry = Assert.Single(leads, l => contacts[l.ContactId] == "+13055550104");
        Assert.Equal(20, inquiry.GuestCount);
        Assert.Equal("10001", inquiry.Zip);
        Assert.Equal(LeadSource.Sms, inquiry.Source);
        Assert.NotNull(inquiry.ThreadId);
        Assert.NotNull(inquiry.MessageId);
        Assert.DoesNotContain(leads, l => contacts[l.ContactId] == "+12125550148");
        // 501 guests is out of range (max 500): the lead is made, the count left for staff.
        Assert.Null(Assert.Single(leads, l => contacts[l.ContactId] == "+13055550106").GuestCount);
        Assert.Equal(500, Assert.Single(leads, l => contacts[l.ContactId] == "+13055550107").GuestCount);
        Assert.Equal(3, leads.Count);
        Assert.Equal(SmsConsent.OptedOut, (await db.Set<Contact>().SingleAsync(c => c.Phone == "+13055550101")).SmsConsent);
        Assert.Equal(SmsConsent.None, (await db.Set<Contact>().SingleAsync(c => c.Phone == "+13055550103")).SmsConsent);
    }

    [Fact]
    public async Task Start_after_stop_confirms_the_opt_in_in_the_thread_and_yes_does_not_opt_in_someone_never_opted_out()
    {
        await using var app = NewApp();
        var client = app.CreateClient();
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms("+13055550120", "YES", at, 1));
        await Pipeline.RunToCompletionAsync(app.Services);
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms("+13055550120", "STOP", at.AddSeconds(10), 2));
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms("+13055550120", "Start", at.AddSeconds(20), 3));
        await Pipeline.RunToCompletionAsync(app.Services);

        var outcomes = await OutcomesAsync(app);
        Assert.StartsWith("appended to thread ", outcomes["uuid-+13055550120-1"]);
        Assert.StartsWith("opt-in applied (thread ", outcomes["uuid-+13055550120-3"]);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(SmsConsent.OptedIn, (await db.Set<Contact>().SingleAsync(c => c.Phone == "+13055550120")).SmsConsent);
        var texts = await db.Set<OutboundMessage>().AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal(new[] { SmsPurpose.OptOutConfirmation, SmsPurpose.Conversational }, texts.Select(t => t.Purpose));
        Assert.Contains("subscribed to texts", texts[1].Text);
        Assert.Contains("STOP to opt out", texts[1].Text);
        // Both replies are in the conversation staff see.
        var replies = await db.Set<HibachiAdmin.Features.Inbox.ConversationMessage>().AsNoTracking().Where(m => m.Text.Contains("subscribed")).CountAsync();
        Assert.Equal(2, replies);
    }
}
