using System.Net;
using System.Net.Http.Json;
using System.Text;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>Runs on both providers: <see cref="RingCentralWebhookTestsOnSqlite"/> and <see cref="RingCentralWebhookTestsOnPostgres"/>.</summary>
public abstract class RingCentralWebhookTests<TApp> : IAsyncLifetime
    where TApp : AppFactory, new()
{
    private const string Token = "test-verification-token-3f9a";
    private readonly AppFactory _app = new TApp().With("RingCentral:VerificationToken", Token);

    private static string Fixture(string name) => Fixtures.Read(name);

    private HttpRequestMessage Notification(string body, string? token = Token, string contentType = "application/json; charset=UTF-8")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Add("Verification-Token", token);
        }
        return request;
    }

    private async Task<int> InboundEventCountAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<InboundEvent>().CountAsync();
    }

    /// <summary>
    /// Runs the processing job for every stored event (what Hangfire does in the background) and waits
    /// until none is left unprocessed — Hangfire's own run may hold an event's lease meanwhile.
    /// </summary>
    private Task ProcessAllAsync() => Pipeline.RunToCompletionAsync(_app.Services);

    [Fact]
    public async Task The_validation_handshake_echoes_the_token()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/voice");
        request.Headers.Add("Validation-Token", "8c5f1e2a-7b3d-4f60-9a1e-5d4c3b2a1f00");
        var response = await _app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8c5f1e2a-7b3d-4f60-9a1e-5d4c3b2a1f00", response.Headers.GetValues("Validation-Token").Single());
    }

    [Fact]
    public async Task A_forged_or_missing_verification_token_is_401_and_nothing_is_stored()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Notification(Fixture("ringcentral-inbound-sms.json"), token: "guess"))).StatusCode);
        var missing = await client.SendAsync(Notification(Fixture("ringcentral-inbound-sms.json"), token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await InboundEventCountAsync());
    }

    [Fact]
    public async Task Without_a_configured_token_webhooks_answer_503()
    {
        await using var unconfigured = new TApp();
        var response = await unconfigured.CreateClient().SendAsync(Notification(Fixture("ringcentral-inbound-sms.json")));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Bad_bodies_get_4xx_problems_and_nothing_is_stored()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Notification("{\"uuid\": "))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Notification("{\"event\": \"x\"}"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.SendAsync(Notification("uuid=1", contentType: "text/plain"))).StatusCode);
        var big = await client.SendAsync(Notification("{\"uuid\":\"x\",\"pad\":\"" + new string('a', 300 * 1024) + "\"}"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(0, await InboundEventCountAsync());
    }

    [Fact]
    public async Task An_inbound_sms_creates_the_contact_and_appears_in_its_thread_once_even_if_delivered_twice()
    {
        var client = _app.CreateClient();
        var body = Fixture("ringcentral-inbound-sms.json");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Notification(body))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Notification(body))).StatusCode);
        Assert.Equal(1, await InboundEventCountAsync());
        await ProcessAllAsync();
        await ProcessAllAsync();

        var contact = await _app.Services.GetRequiredService<ContactService>().FindByPhoneAsync("+13055550123", default);
        Assert.NotNull(contact);
        var api = await _app.CreateAdminClientAsync();
        var inbox = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/admin/social/inbox?platform=sms");
        var thread = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        var detail = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/admin/social/threads/{thread.GetProperty("id").GetString()}");
        Assert.Single(detail.GetProperty("messages").EnumerateArray());
    }

    [Fact]
    public async Task Stop_opts_out_at_once_sends_one_confirmation_and_later_marketing_is_refused()
    {
        var contacts = _app.Services.GetRequiredService<ContactService>();
        var created = await contacts.FindOrCreateByPhoneAsync("+13055550123", "Miami Guest", default);
        // Opted in by their own YES long before the STOP the fixture carries.
        await PersonConsent.SetAsync(_app.Services, created!.Value.Contact.Id, SmsConsent.OptedIn, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var client = _app.CreateClient();
        var stop = Fixture("ringcentral-inbound-sms-stop.json");
        await client.SendAsync(Notification(stop));
        await ProcessAllAsync();
        await client.SendAsync(Notification(stop));
        await ProcessAllAsync();

        var contact = await contacts.FindByPhoneAsync("+13055550123", default);
        Assert.Equal(SmsConsent.OptedOut, contact!.SmsConsent);
        var ledger = await contacts.GetConsentHistoryAsync(contact.Id, default);
        Assert.Contains(ledger, e => e.To == SmsConsent.OptedOut && e.Source == "sms-keyword" && e.Evidence!.Contains("Stop"));

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var sentTexts = await db.Set<OutboundMessage>().Where(m => m.To == "+13055550123").ToListAsync();
        var events = await db.Set<InboundEvent>().Select(e => e.Outcome + " / " + e.LastError).ToListAsync();
        Assert.True(1 == sentTexts.Count(m => m.Purpose == SmsPurpose.OptOutConfirmation),
            string.Join("; ", sentTexts.Select(m => $"{m.Purpose} {m.Status} {m.RefusedReason}")) + " | " + string.Join("; ", events));

        var sms = _app.Services.GetRequiredService<ISmsService>();
        var marketing = await sms.SendAsync(new OutboundSms(null, "(305) 555-0123", "20% off this weekend!", SmsPurpose.Marketing), default);
        Assert.False(marketing.Accepted);
        Assert.Equal("optedOut", marketing.RefusedReason);
        var reply = await sms.SendAsync(new OutboundSms(null, "(305) 555-0123", "Following up on your booking", SmsPurpose.Conversational), default);
        Assert.False(reply.Accepted);
    }

    [Fact]
    public async Task Help_is_answered_with_the_help_text()
    {
        var help = Fixture("ringcentral-inbound-sms-stop.json").Replace("\"subject\": \"Stop\"", "\"subject\": \"HELP\"", StringComparison.Ordinal);
        await _app.CreateClient().SendAsync(Notification(help));
        await ProcessAllAsync();
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var answer = await db.Set<OutboundMessage>().SingleAsync(m => m.Purpose == SmsPurpose.Help);
        Assert.Contains("Reply STOP to opt out", answer.Text);
        Assert.Contains(answer.Status, new[] { OutboundStatus.Queued, OutboundStatus.Sent, OutboundStatus.Delivered });
    }

    [Fact]
    public async Task Marketing_needs_opt_in_and_statuses_never_move_backwards()
    {
        var sms = _app.Services.GetRequiredService<SmsService>();
        var contacts = _app.Services.GetRequiredService<ContactService>();
        var c = await contacts.FindOrCreateByPhoneAsync("(212) 555-0177", "Consent Test", default);
        var refused = await sms.SendAsync(new OutboundSms(null, "(212) 555-0177", "Sale!", SmsPurpose.Marketing), default);
        Assert.Equal("noConsent", refused.RefusedReason);

        await PersonConsent.SetAsync(_app.Services, c!.Value.Contact.Id, SmsConsent.OptedIn);
        var sent = await sms.SendAsync(new OutboundSms(null, "(212) 555-0177", "Sale!", SmsPurpose.Marketing, "campaign-1:contact-1"), default);
        Assert.True(sent.Accepted);
        var again = await sms.SendAsync(new OutboundSms(null, "(212) 555-0177", "Sale!", SmsPurpose.Marketing, "campaign-1:contact-1"), default);
        Assert.Equal(sent.MessageId, again.MessageId);

        Assert.True(await sms.ApplyStatusAsync(sent.MessageId!.Value, OutboundStatus.Delivered, "receipt", default));
        Assert.False(await sms.ApplyStatusAsync(sent.MessageId.Value, OutboundStatus.Sent, "late receipt", default));
        Assert.Equal(OutboundStatus.Delivered, (await sms.GetAsync(sent.MessageId.Value, default))!.Status);
        Assert.Equal(0.02m, (await sms.GetAsync(sent.MessageId.Value, default))!.Cost);
    }

    [Fact]
    public async Task A_booking_inquiry_by_text_creates_one_lead_and_a_second_text_updates_it()
    {
        var inquiry = Fixture("ringcentral-inbound-sms.json").Replace("Hi, can I move my cleaning to Friday morning?", "Hi! Do you do hibachi parties? Dec 5th, party of 12");
        var followUp = inquiry.Replace("\"uuid\": \"", "\"uuid\": \"2-", StringComparison.Ordinal).Replace("1740001234016", "1740001234017", StringComparison.Ordinal)
            .Replace("Dec 5th, party of 12", "we are in 11201 btw");
        var client = _app.CreateClient();
        await client.SendAsync(Notification(inquiry));
        await ProcessAllAsync();
        await client.SendAsync(Notification(followUp));
        await ProcessAllAsync();

        var api = await _app.CreateAdminClientAsync();
        var leads = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/leads?source=sms");
        var lead = Assert.Single(leads.GetProperty("items").EnumerateArray());
        Assert.Equal(12, lead.GetProperty("guestCount").GetInt32());
        Assert.EndsWith("-12-05", lead.GetProperty("eventDate").GetString());
        Assert.Equal("11201", lead.GetProperty("zip").GetString());
        Assert.True(lead.TryGetProperty("threadId", out _));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}

public sealed class RingCentralWebhookTestsOnSqlite : RingCentralWebhookTests<AppFactory>;

[RequiresPostgres]
public sealed class RingCentralWebhookTestsOnPostgres : RingCentralWebhookTests<PostgresAppFactory>;
