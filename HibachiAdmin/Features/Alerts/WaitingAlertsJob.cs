using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// "A customer has waited N minutes": every minute, each conversation waiting for a reply (the inbox's one definition)
/// becomes an alert for each person whose own N has passed. The source key names the thread and the moment the wait
/// began, so one wait alerts a person once however often this runs, and a new wait after a reply alerts again.
/// </summary>
public sealed class WaitingAlertsJob(IDbContextFactory<AppDbContext> dbFactory, IWaitingThreads waiting, AlertWriter writer, TimeProvider time, ILogger<WaitingAlertsJob> logger)
{
    public const string Id = nameof(WaitingAlertsJob);
    private const int MaxThreads = 200;

    public async Task RunAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnceAsync(ct);
                return;
            }
            catch (DbUpdateException ex) when (attempt < 3)
            {
                // Another instance added the same alert first (unique per person and wait): read again.
                logger.LogDebug(ex, "Waiting alerts raced another run; retrying");
            }
        }
    }

    private async Task RunOnceAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = (await writer.RecipientsAsync(db, ct)).Where(r => r.Preference.KindsOf(AlertChannel.InApp) != 0 || r.Preference.KindsOf(AlertChannel.Push) != 0 || r.Preference.KindsOf(AlertChannel.Email) != 0).ToList();
        if (people.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var shortest = people.Min(p => Minutes(p.Preference));
        var threads = await waiting.WaitingSinceAsync(now - TimeSpan.FromMinutes(shortest), MaxThreads, ct);
        var added = 0;
        foreach (var group in people.GroupBy(p => Minutes(p.Preference)))
        {
            var due = threads.Where(t => t.WaitingSince <= now - TimeSpan.FromMinutes(group.Key)).Select(t => Source(t, now)).ToList();
            added += await writer.AddAsync(db, due, [.. group], ct);
        }
        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private static int Minutes(AlertPreference p) => Math.Clamp(p.WaitingMinutes, 1, AlertPreference.MaxWaitingMinutes);

    private static AlertSource Source(WaitingThread t, DateTime now)
    {
        var who = t.Title.StartsWith('+') ? PhoneText.Display(t.Title) : t.Title;
        return new AlertSource(AlertKind.MessageWaiting, $"waiting:{t.ThreadId:N}:{t.WaitingSince.Ticks}", $"{who} is waiting for a reply",
            $"Waiting {Formats.Duration(now - t.WaitingSince)} on {t.Platform.Label()}" + (string.IsNullOrWhiteSpace(t.Preview) ? "" : $": “{t.Preview}”"),
            $"inbox/{t.ThreadId}", t.WaitingSince);
    }
}
