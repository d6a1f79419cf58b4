using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// Sends the alerts waiting for push or email, one message per person and channel: everything of theirs not sent yet
/// rides along once their oldest unsent alert has waited the roll-up window (so a burst becomes "5 new messages
/// waiting"), except in their quiet hours, when it all waits for the end of them. Each message is a
/// <see cref="AlertDelivery"/> row written with the alerts it claims (guarded so two runs never claim the same alert)
/// before anything leaves the process: an alert is pushed or emailed at most once, across retries, two instances and a
/// kill (a delivery found still "sending" later is marked in doubt, not sent again). Runs every minute, and a window
/// after new alerts. Carries no state: the rows are the truth.
/// </summary>
public sealed class AlertDeliveryJob(
    IDbContextFactory<AppDbContext> dbFactory,
    AlertWriter writer,
    IPushClient push,
    IAlertMailer mailer,
    Formats formats,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AlertDeliveryJob> logger)
{
    public const string Id = nameof(AlertDeliveryJob);
    /// <summary>A delivery still "sending" this long after it was claimed belongs to a process that stopped.</summary>
    public static readonly TimeSpan InDoubtAfter = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var stale = now - InDoubtAfter;
            await db.Set<AlertDelivery>().Where(d => d.Status == AlertDeliveryStatus.Sending && d.CreatedAt < stale)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, AlertDeliveryStatus.InDoubt).SetProperty(d => d.FinishedAt, now), ct);
        }
        IReadOnlyList<AlertRecipient> people;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            people = await writer.RecipientsAsync(db, ct);
        }
        var byId = people.ToDictionary(p => p.UserId);
        foreach (var channel in new[] { AlertChannel.Push, AlertChannel.Email })
        {
            foreach (var (userId, ids) in await DueAsync(channel, now, byId, ct))
            {
                await DeliverAsync(channel, byId[userId], ids, now, ct);
            }
        }
    }

    /// <summary>Per person: the unsent alerts of this channel, when their oldest has waited the window and the person is not in quiet hours.</summary>
    private async Task<List<(string UserId, List<Guid> Ids)>> DueAsync(AlertChannel channel, DateTime now, Dictionary<string, AlertRecipient> people, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pending = db.Set<Alert>().AsNoTracking();
        pending = channel == AlertChannel.Push
            ? pending.Where(a => a.WantsPush && a.PushDeliveryId == null)
            : pending.Where(a => a.WantsEmail && a.EmailDeliveryId == null);
        var rows = await pending.Select(a => new { a.Id, a.UserId, a.CreatedAt }).ToListAsync(ct);
        var window = writer.RollUpWindow;
        var due = new List<(string, List<Guid>)>();
        foreach (var group in rows.GroupBy(r => r.UserId))
        {
            if (!people.TryGetValue(group.Key, out var person) || group.Min(r => r.CreatedAt) + window > now)
            {
                continue;
            }
            var p = person.Preference;
            if (PersonalQuietHours.IsQuiet(p.QuietFrom, p.QuietUntil, TimeOnly.FromDateTime(formats.Local(now))))
            {
                continue;
            }
            due.Add((group.Key, group.Select(r => r.Id).ToList()));
        }
        return due;
    }

    private async Task DeliverAsync(AlertChannel channel, AlertRecipient person, List<Guid> ids, DateTime now, CancellationToken ct)
    {
        var delivery = new AlertDelivery { UserId = person.UserId, Channel = channel, Status = AlertDeliveryStatus.Sending, CreatedAt = now };
        List<Alert> alerts;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Add(delivery);
            await db.SaveChangesAsync(ct);
            var claimed = channel == AlertChannel.Push
                ? await db.Set<Alert>().Where(a => ids.Contains(a.Id) && a.PushDeliveryId == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.PushDeliveryId, delivery.Id), ct)
                : await db.Set<Alert>().Where(a => ids.Contains(a.Id) && a.EmailDeliveryId == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.EmailDeliveryId, delivery.Id), ct);
            if (claimed == 0)
            {
                // Another run took them first.
                await tx.RollbackAsync(ct);
                return;
            }
            alerts = await db.Set<Alert>().AsNoTracking()
                .Where(a => channel == AlertChannel.Push ? a.PushDeliveryId == delivery.Id : a.EmailDeliveryId == delivery.Id)
                .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).ToListAsync(ct);
            var (title, body) = AlertMessages.Summary(alerts);
            delivery.Count = alerts.Count;
            delivery.Title = title.Length <= Alert.MaxTitle ? title : title[..Alert.MaxTitle];
            delivery.Body = body is { Length: > 2000 } ? body[..2000] : body;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        var (status, error) = channel == AlertChannel.Push ? await PushAsync(person, alerts, delivery, ct) : await EmailAsync(person, alerts, delivery, ct);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var finished = time.GetUtcNow().UtcDateTime;
            var cut = error is { Length: > 1000 } ? error[..1000] : error;
            await db.Set<AlertDelivery>().Where(d => d.Id == delivery.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, status).SetProperty(d => d.FinishedAt, finished).SetProperty(d => d.Error, cut), ct);
        }
    }

    private async Task<(AlertDeliveryStatus, string?)> PushAsync(AlertRecipient person, List<Alert> alerts, AlertDelivery delivery, CancellationToken ct)
    {
        List<WebPushSubscription> browsers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            browsers = await db.Set<WebPushSubscription>().AsNoTracking().Where(s => s.UserId == person.UserId).ToListAsync(ct);
        }
        if (browsers.Count == 0)
        {
            return (AlertDeliveryStatus.Skipped, "No browser allowed push.");
        }
        var notice = new PushNotice(delivery.Title, delivery.Body, AlertMessages.Link(alerts), "hibachi-alerts");
        var sent = 0;
        var errors = new List<string>();
        foreach (var browser in browsers)
        {
            var (outcome, error) = await push.SendAsync(browser, notice, ct);
            if (outcome == PushOutcome.Sent)
            {
                sent++;
                continue;
            }
            errors.Add(error ?? outcome.ToString());
            if (outcome == PushOutcome.Gone)
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await db.Set<WebPushSubscription>().Where(s => s.Id == browser.Id).ExecuteDeleteAsync(ct);
                logger.LogInformation("Removed an expired push subscription of {User}: {Error}", person.UserId, error);
            }
        }
        return sent > 0 ? (AlertDeliveryStatus.Sent, errors.Count == 0 ? null : string.Join("; ", errors))
            : errors.Count > 0 && browsers.Count > 0 ? (AlertDeliveryStatus.Failed, string.Join("; ", errors)) : (AlertDeliveryStatus.Skipped, null);
    }

    private async Task<(AlertDeliveryStatus, string?)> EmailAsync(AlertRecipient person, List<Alert> alerts, AlertDelivery delivery, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(person.Email))
        {
            return (AlertDeliveryStatus.Skipped, "No email address.");
        }
        try
        {
            var from = configuration["Alerts:Email:From"] is { Length: > 0 } f ? f : "HibachiAdmin <alerts@hibachi.local>";
            var baseUrl = configuration["Alerts:PublicBaseUrl"] is { Length: > 0 } a ? a : configuration["Qr:PublicBaseUrl"] is { Length: > 0 } q ? q : "http://localhost:5256";
            var message = AlertMessages.Email(delivery.Id, from, person.Email, person.Name, alerts, baseUrl, formats);
            await mailer.SendAsync(message, ct);
            return (AlertDeliveryStatus.Sent, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Alert email to {User} failed", person.UserId);
            return (AlertDeliveryStatus.Failed, ex.Message);
        }
    }
}
