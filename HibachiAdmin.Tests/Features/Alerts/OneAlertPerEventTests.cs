using System.Net.Http.Json;
using HibachiAdmin.Features.Alerts;
using HibachiAdmin.Features.Calls.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>
/// A new lead, a missed call, a 1–2★ review and a customer waiting each become one alert per person who wants them:
/// never two for one event, whether the event is delivered twice, handled again after a retry, or the waiting sweep
/// runs every minute.
/// </summary>
public sealed class OneAlertPerEventTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private IDbContextFactory<AppDbContext> Db => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    [Fact]
    public async Task A_missed_call_delivered_twice_and_handled_again_after_a_retry_makes_one_alert_per_person()
    {
        var (person, _) = await AlertsTestKit.PersonAsync(app);
        using var admin = await app.CreateAdminClientAsync();
        var contactId = await AlertsTestKit.ContactAsync(admin, "Dana Whitfield");
        var callId = Guid.NewGuid();
        var store = app.Services.GetRequiredService<EventStore>();
        // The same call announced twice (a duplicate event: two outbox rows, two event ids).
        await using (var db = await Db.CreateDbContextAsync())
        {
            store.Publish(db, CallEvents.Missed, callId, new CallMissed(callId, contactId));
            store.Publish(db, CallEvents.Missed, callId, new CallMissed(callId, contactId));
            await db.SaveChangesAsync();
        }
        await Pipeline.RunToCompletionAsync(app.Services);
        // A retry after a crash that lost the processed mark: the handler runs once more for the same event.
        var handler = app.Services.GetServices<IEventHandler>().OfType<AlertEventHandler>().Single();
        OutboxEntry entry;
        await using (var db = await Db.CreateDbContextAsync())
        {
            entry = await db.Set<OutboxEntry>().AsNoTracking().Where(o => o.EventType == CallEvents.Missed && o.StreamId == callId).FirstAsync();
        }
        await using (var db = await Db.CreateDbContextAsync())
        {
            await handler.HandleAsync(entry, db, default);
            await db.SaveChangesAsync();
        }

        var alerts = (await AlertsTestKit.AlertsOfAsync(app, person)).Where(a => a.SourceKey == $"call:{callId}").ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal(AlertKind.MissedCall, alert.Kind);
        Assert.Equal("Missed call: Dana Whitfield", alert.Title);
        Assert.Equal($"contacts/{contactId}", alert.Link);
        Assert.True(alert.ShowInApp);
    }

    [Fact]
    public async Task A_lead_someone_creates_by_hand_alerts_the_others_but_not_them()
    {
        var (person, _) = await AlertsTestKit.PersonAsync(app);
        using var admin = await app.CreateAdminClientAsync();
        var contactId = await AlertsTestKit.ContactAsync(admin, "Priya Raman");
        var response = await admin.PostAsJsonAsync("/api/v1/leads", new { contactId, source = "website" });
        response.EnsureSuccessStatusCode();
        var leadId = (await response.Content.ReadFromJsonAsync<IdOnly>())!.Id;
        await Pipeline.RunToCompletionAsync(app.Services);

        var alert = Assert.Single(await AlertsTestKit.AlertsOfAsync(app, person), a => a.SourceKey == $"lead:{leadId}");
        Assert.Equal("New lead: Priya Raman", alert.Title);
        Assert.Equal("From website", alert.Body);
        Assert.Equal($"leads?lead={leadId}", alert.Link);
        await using var db = await Db.CreateDbContextAsync();
        var adminId = await db.Users.Where(u => u.Email == AppFactory.AdminEmail).Select(u => u.Id).SingleAsync();
        Assert.False(await db.Set<Alert>().AnyAsync(a => a.UserId == adminId && a.SourceKey == $"lead:{leadId}"));
    }

    [Fact]
    public async Task One_and_two_star_reviews_alert_and_three_stars_do_not()
    {
        var (person, _) = await AlertsTestKit.PersonAsync(app);
        var reviews = app.Services.GetRequiredService<ReviewService>();
        var now = app.Time!.GetUtcNow().UtcDateTime;
        var one = await reviews.AddManualAsync(new ManualReview(ReviewPlatform.Yelp, "Gary O.", 1, "Chef was an hour late.", now, null), default);
        var two = await reviews.AddManualAsync(new ManualReview(ReviewPlatform.Yelp, "Tina B.", 2, null, now, null), default);
        var three = await reviews.AddManualAsync(new ManualReview(ReviewPlatform.Yelp, "Sam K.", 3, "Fine.", now, null), default);
        await Pipeline.RunToCompletionAsync(app.Services);

        var mine = await AlertsTestKit.AlertsOfAsync(app, person);
        var low = Assert.Single(mine, a => a.SourceKey == $"review:{one.Id}");
        Assert.Equal("1 star on Yelp from Gary O.", low.Title);
        Assert.Equal("Chef was an hour late.", low.Body);
        Assert.Equal(AlertKind.LowReview, low.Kind);
        Assert.Equal("2 stars on Yelp from Tina B.", Assert.Single(mine, a => a.SourceKey == $"review:{two.Id}").Title);
        Assert.DoesNotContain(mine, a => a.SourceKey == $"review:{three.Id}");
    }

    [Fact]
    public async Task A_customer_waiting_alerts_each_person_once_after_their_own_minutes()
    {
        var (quick, _) = await AlertsTestKit.PersonAsync(app, AlertsTestKit.Everywhere(waitingMinutes: 15));
        var (patient, _) = await AlertsTestKit.PersonAsync(app, AlertsTestKit.Everywhere(waitingMinutes: 30));
        var (nothing, _) = await AlertsTestKit.PersonAsync(app, new AlertPreferencesDto([AlertKind.NewLead], [], [], null, null, 15));
        var now = app.Time!.GetUtcNow().UtcDateTime;
        var thread = new ConversationThread
        {
            Platform = Platform.Sms, ExternalId = TestPhones.Next("212").E164, Title = "Marco Diaz", Status = ThreadStatus.Open,
            LastMessageAt = now.AddMinutes(-20), LastMessagePreview = "Are you free on the 12th?", CreatedAt = now.AddMinutes(-20), WaitingSince = now.AddMinutes(-20),
        };
        var answered = new ConversationThread
        {
            Platform = Platform.Sms, ExternalId = TestPhones.Next("212").E164, Title = "Answered Already", Status = ThreadStatus.Open,
            LastMessageAt = now.AddMinutes(-50), CreatedAt = now.AddMinutes(-50), WaitingSince = null,
        };
        await using (var db = await Db.CreateDbContextAsync())
        {
            db.AddRange(thread, answered);
            await db.SaveChangesAsync();
        }
        for (var run = 0; run < 3; run++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<WaitingAlertsJob>().RunAsync(default);
        }

        var key = $"waiting:{thread.Id:N}:{thread.WaitingSince!.Value.Ticks}";
        var alert = Assert.Single(await AlertsTestKit.AlertsOfAsync(app, quick), a => a.SourceKey == key);
        Assert.Equal("Marco Diaz is waiting for a reply", alert.Title);
        Assert.Equal("Waiting 20 min on SMS: “Are you free on the 12th?”", alert.Body);
        Assert.Equal($"inbox/{thread.Id}", alert.Link);
        Assert.DoesNotContain(await AlertsTestKit.AlertsOfAsync(app, quick), a => a.SourceKey.Contains(answered.Id.ToString("N"), StringComparison.Ordinal));
        Assert.DoesNotContain(await AlertsTestKit.AlertsOfAsync(app, patient), a => a.SourceKey == key);
        Assert.DoesNotContain(await AlertsTestKit.AlertsOfAsync(app, nothing), a => a.SourceKey == key);
    }

    private sealed record IdOnly(Guid Id);
}
