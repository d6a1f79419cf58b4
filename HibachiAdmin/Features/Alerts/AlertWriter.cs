using Hangfire;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// Fans events out into one <see cref="Alert"/> per person who wants that kind on some channel, in the caller's unit
/// of work (an outbox handler's, so the alerts commit with its processed mark). An event already alerted (same source
/// key for that person, saved or added earlier in this unit of work) adds nothing: one alert per event, across
/// retries and duplicate events. After the commit the bells are told, and the push/email sender is woken up once the
/// roll-up window has passed.
/// </summary>
public sealed class AlertWriter(AlertChanges changes, IBackgroundJobClient jobs, IConfiguration configuration, TimeProvider time)
{
    /// <summary>How long push and email wait for more alerts to roll up into one ("5 new alerts").</summary>
    public TimeSpan RollUpWindow => TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Alerts:RollUpSeconds", 60), 0, 3600));

    /// <summary>Every staff account that is not disabled, with its choices: two queries, only the columns alerts need.</summary>
    public async Task<IReadOnlyList<AlertRecipient>> RecipientsAsync(AppDbContext db, CancellationToken ct)
    {
        var people = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var prefs = await db.Set<AlertPreference>().AsNoTracking().Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, ct);
        return [.. people.Select(p => new AlertRecipient(p.Id, p.Email ?? "", string.IsNullOrWhiteSpace(p.DisplayName) ? p.Email ?? "" : p.DisplayName,
            prefs.GetValueOrDefault(p.Id) ?? AlertPreference.Defaults(p.Id)))];
    }

    /// <summary>Adds the alerts of <paramref name="sources"/> to <paramref name="db"/> (not saved); returns how many were added.</summary>
    public async Task<int> AddAsync(AppDbContext db, IReadOnlyList<AlertSource> sources, CancellationToken ct) =>
        sources.Count == 0 ? 0 : await AddAsync(db, sources, await RecipientsAsync(db, ct), ct);

    public async Task<int> AddAsync(AppDbContext db, IReadOnlyList<AlertSource> sources, IReadOnlyList<AlertRecipient> recipients, CancellationToken ct)
    {
        if (sources.Count == 0 || recipients.Count == 0)
        {
            return 0;
        }
        var keys = sources.Select(s => s.SourceKey).Distinct().ToList();
        var userIds = recipients.Select(r => r.UserId).ToList();
        var existing = (await db.Set<Alert>().AsNoTracking().Where(a => keys.Contains(a.SourceKey) && userIds.Contains(a.UserId))
            .Select(a => new { a.UserId, a.SourceKey }).ToListAsync(ct)).Select(a => (a.UserId, a.SourceKey)).ToHashSet();
        foreach (var pending in db.ChangeTracker.Entries<Alert>().Where(e => e.State == EntityState.Added))
        {
            existing.Add((pending.Entity.UserId, pending.Entity.SourceKey));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var touched = new HashSet<string>();
        var added = 0;
        var wantsDelivery = false;
        foreach (var source in sources.DistinctBy(s => s.SourceKey))
        {
            foreach (var person in recipients)
            {
                var p = person.Preference;
                var inApp = p.Wants(AlertChannel.InApp, source.Kind);
                var push = p.Wants(AlertChannel.Push, source.Kind);
                var email = p.Wants(AlertChannel.Email, source.Kind) && !string.IsNullOrWhiteSpace(person.Email);
                if (!(inApp || push || email) || existing.Contains((person.UserId, source.SourceKey))
                    || (source.ExcludeActor is { } actor && string.Equals(actor, person.Email, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                db.Add(new Alert
                {
                    UserId = person.UserId,
                    Kind = source.Kind,
                    SourceKey = Cut(source.SourceKey, Alert.MaxSourceKey)!,
                    Title = Cut(source.Title, Alert.MaxTitle)!,
                    Body = Cut(source.Body, Alert.MaxBody),
                    Link = Cut(source.Link, Alert.MaxLink),
                    OccurredAt = source.OccurredAt,
                    CreatedAt = now,
                    ShowInApp = inApp,
                    WantsPush = push,
                    WantsEmail = email,
                });
                existing.Add((person.UserId, source.SourceKey));
                touched.Add(person.UserId);
                added++;
                wantsDelivery |= push || email;
            }
        }
        if (touched.Count > 0)
        {
            changes.AfterCommit(db, [.. touched]);
        }
        if (wantsDelivery && !UnitOfWorkCache.TryGet<string>(db, nameof(AlertWriter), out _))
        {
            // Once per unit of work: the sender takes every due alert of every person when it runs.
            UnitOfWorkCache.Set(db, nameof(AlertWriter), "scheduled");
            var window = RollUpWindow;
            db.SavedChanges += (_, _) => CommitCallbacks.AfterCommit(db, () => jobs.Schedule<AlertDeliveryJob>(j => j.RunAsync(CancellationToken.None), window + TimeSpan.FromSeconds(1)));
        }
        return added;
    }

    private static string? Cut(string? text, int max) => text is null ? null : text.Length <= max ? text : text[..(max - 1)] + "…";
}
