using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Inbox;

public sealed class InboxWorkflowTestsOnSqlite : InboxWorkflowTests<AppFactory>;

[RequiresPostgres]
public sealed class InboxWorkflowTestsOnPostgres : InboxWorkflowTests<PostgresAppFactory>;

/// <summary>Runs on both providers. Thread workflow on the one inbox: status and snooze (a customer reply reopens), assignee and search filters, notes, suggestions, convert to lead, analytics, live notifications.</summary>
public abstract class InboxWorkflowTests<TApp> : IAsyncLifetime
    where TApp : AppFactory, new()
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly AppFactory _app;

    protected InboxWorkflowTests()
    {
        _app = new TApp { Time = _time }
            .With("Meta:AppSecret", MetaWebhookTests.Secret).With("Meta:VerifyToken", MetaWebhookTests.VerifyToken).With("Hangfire:ProcessJobs", "false");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private InboxQueries Inbox => _app.Services.GetRequiredService<InboxQueries>();
    private InboxReplies Replies => _app.Services.GetRequiredService<InboxReplies>();
    private ThreadActions Actions => _app.Services.GetRequiredService<ThreadActions>();
    private ConversationLog Log => _app.Services.GetRequiredService<ConversationLog>();
    private InboxStatistics Statistics => _app.Services.GetRequiredService<InboxStatistics>();

    private async Task<Guid> ReceiveAsync(string platformObject, string sender, string mid, string text)
    {
        var ms = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var body = $$$"""{"object":"{{{platformObject}}}","entry":[{"id":"1","time":{{{ms}}},"messaging":[{"sender":{"id":"{{{sender}}}"},"recipient":{"id":"1"},"timestamp":{{{ms}}},"message":{"mid":"{{{mid}}}","text":"{{{text}}}"}}]}]}""";
        var response = await _app.CreateClient().SendAsync(MetaWebhookTests.Signed(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Pipeline.RunToCompletionAsync(_app.Services);
        return (await Inbox.ListAsync(new ThreadQuery(Search: sender[^4..]), default)).Items.Single().Id;
    }

    [Fact]
    public async Task Status_snooze_assignee_search_and_notes()
    {
        var changes = new List<Guid>();
        using var subscription = _app.Services.GetRequiredService<InboxNotifier>().Subscribe(c => { lock (changes) { changes.AddRange(c); } return Task.CompletedTask; });
        var a = await ReceiveAsync("instagram", "1110000000001111", "m-a-1", "Do you cater weddings?");
        var b = await ReceiveAsync("page", "2220000000002222", "m-b-1", "How much per person?");
        Assert.Contains(a, changes);

        Assert.True(await Actions.SetStatusAsync(a, ThreadStatus.Snoozed, _time.GetUtcNow().UtcDateTime.AddHours(3), default));
        Assert.DoesNotContain((await Inbox.ListAsync(new ThreadQuery(Status: ThreadStatus.Open), default)).Items, t => t.Id == a);
        Assert.Single((await Inbox.ListAsync(new ThreadQuery(Status: ThreadStatus.Snoozed), default)).Items);
        // The snooze ends by itself...
        _time.Advance(TimeSpan.FromHours(4));
        Assert.Contains((await Inbox.ListAsync(new ThreadQuery(Status: ThreadStatus.Open), default)).Items, t => t.Id == a);
        // ...and a customer reply reopens a resolved thread.
        Assert.True(await Actions.SetStatusAsync(b, ThreadStatus.Resolved, null, default));
        await ReceiveAsync("page", "2220000000002222", "m-b-2", "Still there?");
        Assert.Equal(ThreadStatus.Open, (await Inbox.GetAsync(b, false, default))!.Thread.Status);

        Assert.True(await Actions.AssignAsync(a, "maria@test.local", "Maria", default));
        Assert.Equal(a, Assert.Single((await Inbox.ListAsync(new ThreadQuery(Assignee: "mine", CurrentUser: "maria@test.local"), default)).Items).Id);
        Assert.Equal(b, Assert.Single((await Inbox.ListAsync(new ThreadQuery(Assignee: "unassigned"), default)).Items).Id);
        Assert.Equal(a, Assert.Single((await Inbox.ListAsync(new ThreadQuery(Search: "WEDDINGS"), default)).Items).Id);
        Assert.Equal(b, Assert.Single((await Inbox.ListAsync(new ThreadQuery(Platform: Platform.Facebook), default)).Items).Id);

        var note = await Actions.AddNoteAsync(a, "Called back, wants a quote by Friday", new Actor("maria@test.local"), default);
        var detail = (await Inbox.GetAsync(a, markRead: true, default))!;
        Assert.Equal(note!.Id, Assert.Single(detail.Notes).Id);
        Assert.Equal(0, detail.Thread.UnreadCount);
        // Notes are never messages: nothing was sent and the preview is the customer's words.
        Assert.Single(detail.Messages);
        Assert.Equal("Do you cater weddings?", detail.Thread.LastMessagePreview);

        var admin = await _app.CreateAdminClientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/social/inbox?status=closed")).StatusCode);
        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/social/inbox?platform=INSTAGRAM&status=open")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Suggestions_use_the_business_facts_and_convert_to_lead_links_both_ways()
    {
        var id = await ReceiveAsync("instagram", "3330000000003333", "m-c-1", "Hi! Birthday party for 20 guests on Dec 14 in 11215, how much?");
        var admin = await _app.CreateAdminClientAsync();
        var suggest = await admin.PostAsync($"/api/v1/admin/social/threads/{id}/suggest-reply", null);
        Assert.Equal(HttpStatusCode.OK, suggest.StatusCode);
        var s = await suggest.Content.ReadFromJsonAsync<JsonElement>();
        var suggestions = s.GetProperty("suggestions").EnumerateArray().Select(x => x.GetString()!).ToList();
        Assert.Equal(3, suggestions.Count);
        Assert.Contains(suggestions, x => x.Contains("$60", StringComparison.Ordinal));
        Assert.Equal(20, s.GetProperty("intent").GetProperty("guestCount").GetInt32());
        // Suggesting sends nothing.
        Assert.Single((await Inbox.GetAsync(id, false, default))!.Messages);

        var convert = await admin.PostAsync($"/api/v1/admin/social/threads/{id}/convert-to-lead", null);
        Assert.Equal(HttpStatusCode.Created, convert.StatusCode);
        var leadId = (await convert.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid();
        var again = await admin.PostAsync($"/api/v1/admin/social/threads/{id}/convert-to-lead", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(leadId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("leadId").GetGuid());

        var lead = (await _app.Services.GetRequiredService<LeadService>().GetDtoAsync(leadId, default))!;
        Assert.Equal(id, lead.ThreadId);
        Assert.Equal(LeadSource.Instagram, lead.Source);
        Assert.Equal(20, lead.GuestCount);
        Assert.Equal("11215", lead.Zip);
        Assert.Equal(new DateOnly(2026, 12, 14), lead.EventDate);
        Assert.Equal("Birthday", lead.Occasion);
        var thread = (await Inbox.GetAsync(id, false, default))!.Thread;
        Assert.Equal(leadId, thread.LeadId);
        Assert.Equal(lead.ContactId, thread.ContactId);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/social/threads/{Guid.NewGuid()}/convert-to-lead", null)).StatusCode);
    }

    [Fact]
    public async Task Analytics_count_channels_first_response_and_backlog()
    {
        var a = await ReceiveAsync("instagram", "4440000000004444", "m-d-1", "Hello?");
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.True((await Replies.ReplyAsync(a, "Hi! How can we help?", new Actor("maria@test.local"), writtenByPerson: true, default)).Sent);
        _time.Advance(TimeSpan.FromMinutes(5));
        await ReceiveAsync("page", "5550000000005555", "m-e-1", "Anyone there?");
        _time.Advance(TimeSpan.FromMinutes(1));
        var admin = await _app.CreateAdminClientAsync();
        var from = Start.AddDays(-1).ToString("O");
        var to = Start.AddDays(1).ToString("O");
        var analytics = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/social/analytics?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}");
        Assert.Equal(2, analytics.GetProperty("messagesByPlatform").GetProperty("instagram").GetInt32());
        Assert.Equal(1, analytics.GetProperty("messagesByPlatform").GetProperty("facebook").GetInt32());
        Assert.Equal(10, analytics.GetProperty("medianFirstResponseMinutes").GetDouble(), 3);
        Assert.Equal(0.5, analytics.GetProperty("responseRate").GetDouble(), 3);
        Assert.Equal(1, analytics.GetProperty("openBacklog").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/social/analytics?from=yesterday")).StatusCode);

        // A date alone is the whole day in the business time zone (New York): to=2026-11-20 includes that day's
        // messages (10:00–10:16 there); a range ending the day before has none of them.
        var day = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/social/analytics?from=2026-11-20&to=2026-11-20");
        Assert.Equal((2, 1), (day.GetProperty("messagesByPlatform").GetProperty("instagram").GetInt32(), day.GetProperty("messagesByPlatform").GetProperty("facebook").GetInt32()));
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/social/analytics?to=2026-11-19");
        Assert.False(before.GetProperty("messagesByPlatform").EnumerateObject().Any(p => p.Value.GetInt32() > 0), before.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/admin/social/analytics?to=2026-02-30")).StatusCode);
    }
}
