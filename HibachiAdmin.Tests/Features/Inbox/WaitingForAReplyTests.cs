using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Inbox;

/// <summary>
/// "Waiting for a reply" means one thing everywhere (issue 24.5): the top bar's badge, Home's tile, the analytics backlog
/// and the inbox's opening list count the same threads; a reply from a person or resolving ends a wait, opening the thread
/// or an automated reply does not; and Home and analytics compute first response the same way, automated replies excluded.
/// </summary>
public sealed class WaitingForAReplyTests : MudTestContext
{
    private static readonly DateTime Now = TestClock.Start.UtcDateTime;
    private readonly SettableClock _time = new() { At = TestClock.Start };
    private readonly AppFactory _app;

    public WaitingForAReplyTests() => _app = new AppFactory { Time = _time }.With("Hangfire:ProcessJobs", "false");

    protected override ValueTask DisposeResourcesAsync() => _app.DisposeAsync();

    private InboxQueries Inbox => _app.Services.GetRequiredService<InboxQueries>();
    private InboxReplies Replies => _app.Services.GetRequiredService<InboxReplies>();
    private ThreadActions Actions => _app.Services.GetRequiredService<ThreadActions>();
    private ConversationLog Log => _app.Services.GetRequiredService<ConversationLog>();
    private InboxStatistics Statistics => _app.Services.GetRequiredService<InboxStatistics>();

    /// <summary>A conversation: (how long ago, who: "customer", "person" or "auto").</summary>
    private async Task<Guid> ConversationAsync(string title, params (TimeSpan Ago, string Who)[] messages)
    {
        var party = TestPhones.Next("212").E164;
        Guid thread = default;
        foreach (var (ago, who) in messages)
        {
            _time.Set(new DateTimeOffset(Now - ago, TimeSpan.Zero));
            if (who == "customer")
            {
                await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                thread = (await Log.AppendInboundAsync(db, Platform.Sms, party, null, title, "Hi, are you free?", Guid.NewGuid().ToString(), Now - ago, default)).ThreadId;
                await db.SaveChangesAsync();
            }
            else
            {
                await Log.RecordOutboundAsync(Platform.Sms, party, null, title, "Thanks!", Guid.NewGuid(), who == "auto" ? Actor.System.Name : "maria@hibachi.local", default);
            }
        }
        _time.Set(TestClock.Start);
        return thread;
    }

    private static TimeSpan H(double hours) => TimeSpan.FromHours(hours);

    [Fact]
    public async Task Badge_home_analytics_and_the_inbox_count_the_same_waiting_threads_oldest_first()
    {
        var unanswered = await ConversationAsync("Unanswered", (H(5), "customer"));
        var autoReplied = await ConversationAsync("Auto-replied", (H(3), "customer"), (H(2.9), "auto"));
        await ConversationAsync("Answered", (H(2), "customer"), (H(1), "person"));
        var opened = await ConversationAsync("Opened only", (TimeSpan.FromDays(9), "customer"));
        Assert.NotNull(await Inbox.GetAsync(opened, markRead: true, default));
        var resolved = await ConversationAsync("Resolved", (H(1), "customer"));
        Assert.True(await Actions.SetStatusAsync(resolved, ThreadStatus.Resolved, null, default));
        Assert.True(await Actions.SetStatusAsync(resolved, ThreadStatus.Open, null, default)); // reopened by staff: the old wait does not come back
        var snoozed = await ConversationAsync("Snoozed", (H(4), "customer"));
        Assert.True(await Actions.SetStatusAsync(snoozed, ThreadStatus.Snoozed, Now.AddDays(1), default));
        var pending = await ConversationAsync("Pending", (H(6), "customer"));
        Assert.True(await Actions.SetStatusAsync(pending, ThreadStatus.Pending, null, default));

        var oldest = Now - TimeSpan.FromDays(9);
        Assert.Equal(3, await Statistics.CountWaitingThreadsAsync(default));
        var pulse = await Statistics.GetPulseAsync(Now.AddDays(-7), Now, default);
        Assert.Equal((3, oldest), (pulse.Unanswered, pulse.OldestWaitingSince));
        var stats = await Statistics.StatsAsync(Now.AddDays(-7), Now, TimeZoneInfo.Utc, default);
        Assert.Equal((3, oldest), (stats.OpenBacklog, stats.OldestWaitingSince));
        var list = await Inbox.ListAsync(new ThreadQuery(Waiting: true), default);
        Assert.Equal([opened, unanswered, autoReplied], list.Items.Select(t => t.Id));
        Assert.Equal(3, list.Total);

        // The inbox opens on that list; the menu's badge shows the same number.
        Services.AddSingleton(Inbox);
        Services.AddSingleton(Statistics);
        Services.AddSingleton(_app.Services.GetRequiredService<InboxNotifier>());
        Services.AddSingleton(_app.Services.GetRequiredService<Formats>());
        Render<MudPopoverProvider>();
        var page = Render<InboxPage>();
        page.WaitForAssertion(() => Assert.Equal([$"thread-{opened}", $"thread-{unanswered}", $"thread-{autoReplied}"],
            page.FindAll("[data-testid=thread-list] .inbox-row").Select(r => r.GetAttribute("data-testid"))));
        var badge = Render<InboxWaitingBadge>();
        badge.WaitForAssertion(() => Assert.Equal("3", badge.Find("[data-testid=inbox-waiting-count]").TextContent.Trim()));

        // A person's reply ends the longest wait, live.
        await ReplyAsPersonAsync(opened);
        badge.WaitForAssertion(() => Assert.Equal("2", badge.Find("[data-testid=inbox-waiting-count]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Equal([$"thread-{unanswered}", $"thread-{autoReplied}"],
            page.FindAll("[data-testid=thread-list] .inbox-row").Select(r => r.GetAttribute("data-testid"))));
    }

    [Fact]
    public async Task A_texter_we_do_not_know_is_listed_by_their_number_as_people_write_it()
    {
        var party = TestPhones.Next("212");
        await using (var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await Log.AppendInboundAsync(db, Platform.Sms, party.E164, null, party.E164, "Do you do birthdays?", Guid.NewGuid().ToString(), Now - H(1), default);
            await db.SaveChangesAsync();
        }

        Services.AddSingleton(Inbox);
        Services.AddSingleton(Statistics);
        Services.AddSingleton(_app.Services.GetRequiredService<InboxNotifier>());
        Services.AddSingleton(_app.Services.GetRequiredService<Formats>());
        Render<MudPopoverProvider>();
        var page = Render<InboxPage>();
        page.WaitForAssertion(() => Assert.Contains(party.Typed, page.Find("[data-testid=thread-list]").TextContent));
        Assert.DoesNotContain(party.E164, page.Find("[data-testid=thread-list]").TextContent);
    }

    private async Task ReplyAsPersonAsync(Guid threadId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var thread = await db.Set<ConversationThread>().AsNoTracking().SingleAsync(t => t.Id == threadId);
        await Log.RecordOutboundAsync(thread.Platform, thread.ExternalId, thread.ContactId, thread.Title, "Yes, we are!", Guid.NewGuid(), "maria@hibachi.local", default);
    }

    [Fact]
    public async Task Home_and_analytics_report_the_same_first_response_and_an_automated_reply_does_not_count_as_one()
    {
        // 40 minutes to a person's reply (an automated answer after 1 minute does not count), 10 minutes, and one not answered yet.
        await ConversationAsync("Auto first", (TimeSpan.FromDays(2), "customer"), (TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1), "auto"), (TimeSpan.FromDays(2) - TimeSpan.FromMinutes(40), "person"));
        await ConversationAsync("Quick", (TimeSpan.FromDays(1), "customer"), (TimeSpan.FromDays(1) - TimeSpan.FromMinutes(10), "person"));
        await ConversationAsync("Open", (H(3), "customer"));
        await ConversationAsync("Long ago", (TimeSpan.FromDays(10), "customer"), (TimeSpan.FromDays(10) - TimeSpan.FromMinutes(5), "person"));

        var pulse = await Statistics.GetPulseAsync(Now.AddDays(-7), Now, default);
        var stats = await Statistics.StatsAsync(Now.AddDays(-7), Now, TimeZoneInfo.Utc, default);
        Assert.Equal(TimeSpan.FromMinutes(25), pulse.MedianFirstResponse);
        Assert.Equal(25, stats.MedianFirstResponseMinutes);
        Assert.Equal((2, 3), (pulse.Responses, stats.CustomerTurns));
        Assert.Equal(2.0 / 3, stats.ResponseRate, 6);
    }

    [Fact]
    public void A_turn_starts_with_the_first_unanswered_message_and_ends_with_a_persons_reply()
    {
        var a = Guid.NewGuid();
        var t0 = Now;
        var turns = FirstResponses.Turns([
            new TurnMessage(a, false, t0.AddMinutes(-5), false), // our message before anyone wrote: no turn
            new TurnMessage(a, true, t0, false),
            new TurnMessage(a, true, t0.AddMinutes(2), false), // same turn
            new TurnMessage(a, false, t0.AddMinutes(3), true), // automated: still waiting
            new TurnMessage(a, false, t0.AddMinutes(7), false), // answered after 7 minutes
            new TurnMessage(a, false, t0.AddMinutes(8), false), // a second reply answers nothing
            new TurnMessage(a, true, t0.AddMinutes(20), false), // a new turn, open
        ]);
        Assert.Equal([new CustomerTurn(a, t0, t0.AddMinutes(7)), new CustomerTurn(a, t0.AddMinutes(20), null)], turns);
        var (median, started, answered) = FirstResponses.In(turns, t0, t0.AddMinutes(20));
        Assert.Equal((TimeSpan.FromMinutes(7), 1, 1), (median, started, answered));
        Assert.Equal(((TimeSpan?)null, 0, 0), FirstResponses.In(turns, t0.AddMinutes(21), t0.AddMinutes(30)));
    }
}
