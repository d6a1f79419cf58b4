using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire.States;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Meta;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Inbox;

/// <summary>
/// Scheduled replies (issue 26.5): an SMS one waits for the texting hours (the SMS service decides), a Meta one only goes
/// inside the 24-hour window (refused when picked past it, failed when the window closed before it went), a cancelled one
/// never goes, and a retried or crashed send texts once. Each test has its own host and clock (they move time).
/// </summary>
public sealed class ScheduledReplyTests
{
    // 15:00 UTC = 10:00 in New York.
    private sealed class Setup : IAsyncDisposable
    {
        public FakeTimeProvider Time { get; } = TestClock.Frozen();
        public RecordingSmsProvider Provider { get; } = new();
        public RecordingJobClient Jobs { get; } = new();
        public AppFactory App { get; }

        public Setup()
        {
            App = new AppFactory
            {
                Time = Time,
                ConfigureTestServices = s =>
                {
                    s.RemoveAll<ISmsProvider>();
                    s.AddSingleton<ISmsProvider>(Provider);
                    s.RemoveAll<Hangfire.IBackgroundJobClient>();
                    s.AddSingleton<Hangfire.IBackgroundJobClient>(Jobs);
                },
            }.With("Hangfire:ProcessJobs", "false");
        }

        public ScheduledReplies Inbox => App.Services.GetRequiredService<ScheduledReplies>();
        public DateTime Now => Time.GetUtcNow().UtcDateTime;

        public async Task<(Guid ThreadId, string Phone)> SmsThreadAsync()
        {
            var phone = TestPhones.Next("212").E164;
            var contact = await PersonConsent.CreateAsync(App.Services, new CreateContactRequest("Nora Ruiz", phone, SmsConsent: SmsConsent.OptedIn));
            return (await ThreadAsync(Platform.Sms, phone, contact.Contact!.Id, Now.AddHours(-1)), phone);
        }

        public async Task<Guid> ThreadAsync(Platform platform, string party, Guid? contactId, DateTime? lastInbound)
        {
            await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var thread = new ConversationThread
            {
                Platform = platform, ExternalId = party, ContactId = contactId, Title = "Nora Ruiz", LastMessageAt = lastInbound ?? Now, CreatedAt = Now, LastInboundAt = lastInbound,
            };
            db.Add(thread);
            await db.SaveChangesAsync();
            return thread.Id;
        }

        public async Task SweepAsync()
        {
            using var scope = App.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ScheduledReplyJob>().SweepAsync(default);
        }

        public async Task<ScheduledReply> RowAsync(Guid id)
        {
            await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            return await db.Set<ScheduledReply>().AsNoTracking().SingleAsync(r => r.Id == id);
        }

        public async Task<int> OutboundInThreadAsync(Guid threadId)
        {
            await using var db = await App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            return await db.Set<ConversationMessage>().CountAsync(m => m.ThreadId == threadId && m.Direction == MessageDirection.Outbound);
        }

        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task An_sms_reply_picked_for_late_evening_waits_for_the_texting_hours_then_goes_once()
    {
        await using var s = new Setup();
        var (threadId, phone) = await s.SmsThreadAsync();
        // 03:30 UTC the next day = 22:30 in New York: after every texting window.
        var picked = s.Now.Date.AddDays(1).AddHours(3).AddMinutes(30);
        var result = await s.Inbox.ScheduleReplyAsync(threadId, "Your chef will call you tomorrow morning.", picked, marketing: false, Actor.System, default);

        Assert.True(result.Scheduled, result.Detail);
        var expected = await s.App.Services.GetRequiredService<ISmsService>().EarliestAllowedSendTimeAsync(phone, SmsPurpose.Transactional, picked, null, default);
        Assert.True(expected > picked);
        Assert.Equal((picked, expected), (result.Reply!.RequestedAt, result.Reply.SendAt));
        Assert.StartsWith("Held until ", result.Detail, StringComparison.Ordinal);
        Assert.InRange(TimeZoneInfo.ConvertTimeFromUtc(expected, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")).Hour, 8, 12);
        // The Hangfire job carries the row's id and is due when the row is.
        var (job, state) = Assert.Single(s.Jobs.Jobs, j => j.Job.Type == typeof(ScheduledReplyJob));
        Assert.Equal((nameof(ScheduledReplyJob.SendAsync), result.Reply.Id), (job.Method.Name, (Guid)job.Args[0]));
        Assert.Equal(expected, ((ScheduledState)state).EnqueueAt);
        Assert.Single(await s.Inbox.ScheduledRepliesAsync(threadId, default));

        // At the picked time nothing goes: the rules hold it.
        s.Time.SetUtcNow(picked);
        await s.SweepAsync();
        await s.Inbox.SendScheduledAsync(result.Reply.Id, default);
        Assert.Empty(s.Provider.Sent);

        s.Time.SetUtcNow(expected);
        await s.SweepAsync();
        await s.SweepAsync();
        await s.Inbox.SendScheduledAsync(result.Reply.Id, default);
        Assert.Equal(("Your chef will call you tomorrow morning.", phone), Assert.Single(s.Provider.Sent) is var sent ? (sent.Text, sent.To) : default);
        var row = await s.RowAsync(result.Reply.Id);
        Assert.Equal(ScheduledReplyStatus.Sent, row.Status);
        Assert.Equal(1, await s.OutboundInThreadAsync(threadId));
        Assert.Empty(await s.Inbox.ScheduledRepliesAsync(threadId, default));
    }

    [Fact]
    public async Task A_send_that_died_after_the_provider_took_it_is_not_texted_again()
    {
        await using var s = new Setup();
        var (threadId, _) = await s.SmsThreadAsync();
        var result = await s.Inbox.ScheduleReplyAsync(threadId, "See you Saturday!", s.Now.AddMinutes(30), marketing: false, Actor.System, default);
        Assert.True(result.Scheduled, result.Detail);
        Assert.Null(result.Detail);
        s.Time.Advance(TimeSpan.FromMinutes(30));
        // Two workers at once (the job and the sweep): one claims it.
        await Task.WhenAll(s.Inbox.SendScheduledAsync(result.Reply!.Id, default), s.SweepAsync());
        Assert.Single(s.Provider.Sent);

        // As if the sender died after the provider answered and before the row was marked: claimed, lease over.
        await using (var db = await s.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<ScheduledReply>().Where(r => r.Id == result.Reply.Id).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.Status, ScheduledReplyStatus.Sending).SetProperty(r => r.LockedUntil, s.Now.AddSeconds(-1)).SetProperty(r => r.MessageId, (Guid?)null));
        }
        s.Time.Advance(TimeSpan.FromMinutes(5));
        await s.SweepAsync();

        Assert.Single(s.Provider.Sent);
        Assert.Equal(1, await s.OutboundInThreadAsync(threadId));
        Assert.Equal(ScheduledReplyStatus.Sent, (await s.RowAsync(result.Reply.Id)).Status);
    }

    [Fact]
    public async Task A_cancelled_reply_never_goes_and_cannot_be_cancelled_twice()
    {
        await using var s = new Setup();
        var (threadId, _) = await s.SmsThreadAsync();
        var result = await s.Inbox.ScheduleReplyAsync(threadId, "Reminder: deposit due Friday.", s.Now.AddHours(2), marketing: false, Actor.System, default);
        Assert.True(await s.Inbox.CancelScheduledAsync(result.Reply!.Id, new Actor("maya@hibachi.test"), default));
        Assert.False(await s.Inbox.CancelScheduledAsync(result.Reply.Id, Actor.System, default));
        Assert.Empty(await s.Inbox.ScheduledRepliesAsync(threadId, default));

        s.Time.Advance(TimeSpan.FromHours(3));
        await s.SweepAsync();
        await s.Inbox.SendScheduledAsync(result.Reply.Id, default);
        Assert.Empty(s.Provider.Sent);
        var row = await s.RowAsync(result.Reply.Id);
        Assert.Equal((ScheduledReplyStatus.Cancelled, "Cancelled by maya@hibachi.test"), (row.Status, row.Outcome));
    }

    [Fact]
    public async Task A_meta_reply_past_the_24_hour_window_is_refused_when_picked_and_fails_if_the_window_closed_before_it_went()
    {
        await using var s = new Setup();
        var sandbox = s.App.Services.GetRequiredService<SandboxMetaProvider>();
        var threadId = await s.ThreadAsync(Platform.Instagram, "987654321098765", null, s.Now.AddHours(-20));

        var tooLate = await s.Inbox.ScheduleReplyAsync(threadId, "Still interested in Dec 12?", s.Now.AddHours(5), marketing: false, Actor.System, default);
        Assert.False(tooLate.Scheduled);
        Assert.Equal("outsideWindow", tooLate.Reason);
        Assert.Contains("within 24 hours", tooLate.Detail, StringComparison.Ordinal);
        Assert.Contains(s.App.Services.GetRequiredService<Formats>().When(s.Now.AddHours(4)), tooLate.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(s.Jobs.Jobs, j => j.Job.Type == typeof(ScheduledReplyJob));

        var inTime = await s.Inbox.ScheduleReplyAsync(threadId, "Dec 12 is open!", s.Now.AddHours(3), marketing: false, Actor.System, default);
        Assert.True(inTime.Scheduled, inTime.Detail);

        // The job did not run at its time (the app was down); when it does the window has closed: not sent, and it says why.
        s.Time.Advance(TimeSpan.FromHours(5));
        await s.SweepAsync();
        Assert.Empty(sandbox.Sent);
        var row = await s.RowAsync(inTime.Reply!.Id);
        Assert.Equal(ScheduledReplyStatus.Failed, row.Status);
        Assert.Contains("Outside Meta's", row.Outcome, StringComparison.Ordinal);
        Assert.Equal(ScheduledReplyStatus.Failed, Assert.Single(await s.Inbox.ScheduledRepliesAsync(threadId, default)).Status);
    }

    [Fact]
    public async Task A_meta_reply_inside_the_window_goes_once_untagged_and_the_api_names_sendAt_when_refused()
    {
        await using var s = new Setup();
        var sandbox = s.App.Services.GetRequiredService<SandboxMetaProvider>();
        var threadId = await s.ThreadAsync(Platform.Facebook, "1234567890", null, s.Now.AddHours(-2));
        var admin = await s.App.CreateAdminClientAsync();

        var refused = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/scheduled-replies", new { text = "Hi!", sendAt = s.Now.AddHours(30) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("24 hours", problem.GetProperty("errors").GetProperty("sendAt")[0].GetString(), StringComparison.Ordinal);
        var missing = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/scheduled-replies", new { text = "Hi!" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sendAt", out _));

        var created = await admin.PostAsJsonAsync($"/api/v1/admin/social/threads/{threadId}/scheduled-replies", new { text = "Your quote is ready.", sendAt = s.Now.AddHours(1) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        s.Time.Advance(TimeSpan.FromHours(1));
        await s.SweepAsync();
        await s.Inbox.SendScheduledAsync(id, default);
        var sent = Assert.Single(sandbox.Sent);
        Assert.Equal(("Your quote is ready.", (string?)null), (sent.Text, sent.Tag));
        Assert.Equal(ScheduledReplyStatus.Sent, (await s.RowAsync(id)).Status);
        Assert.Equal(1, await s.OutboundInThreadAsync(threadId));
    }
}
