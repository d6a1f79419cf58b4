using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Starting a big campaign without holding the database: the delivery rows are written in transactions of
/// <see cref="StartChunk"/> while the campaign stays a draft (the sender only takes rows of sending campaigns, so nothing
/// goes out early), then one short statement moves it to Sending — only one starter can. A start that died midway is
/// resumed by the next start (a second "send", or the scheduled start): rows already written are kept, the rest added.
/// On SQLite one 50,000-row transaction held the only write lock for about 11 s; webhook ingest waits at most one chunk.
/// </summary>
public sealed partial class CampaignService
{
    /// <summary>
    /// Rows per transaction of a staged start: short enough that webhook ingest, which waits for SQLite's one write lock
    /// while a chunk is written, answers within tens of milliseconds (2,000-row chunks held it ~0.4 s each, quiet).
    /// </summary>
    public const int StartChunk = 250;

    /// <summary>Longest a start waits between chunks for a waiting webhook write (<see cref="Infrastructure.Data.WriteTurns"/>).</summary>
    private static readonly TimeSpan GiveWayAtMost = TimeSpan.FromMilliseconds(200);

    private async Task<bool> StartStagedAsync(Guid id, IReadOnlyList<RecipientDecision> decisions, IReadOnlyList<string> destinations, DateTime now, CancellationToken ct)
    {
        HashSet<Guid> written;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            written = [.. await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id).Select(d => d.ContactId).ToListAsync(ct)];
        }
        foreach (var chunk in decisions.Where(d => written.Add(d.ContactId)).Chunk(StartChunk))
        {
            var rows = chunk;
            for (var attempt = 0; rows.Length > 0; attempt++)
            {
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    foreach (var d in rows)
                    {
                        AddDelivery(db, id, d, destinations, now);
                    }
                    await db.SaveChangesAsync(ct);
                    // A webhook waiting for the write lock goes before the next chunk.
                    await turns.YieldAsync(GiveWayAtMost, ct);
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    // A concurrent start wrote some of these: keep theirs, write the rest.
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    var ids = rows.Select(r => r.ContactId).ToList();
                    var theirs = (await db.Set<CampaignDelivery>().AsNoTracking().Where(d => d.CampaignId == id && ids.Contains(d.ContactId)).Select(d => d.ContactId).ToListAsync(ct)).ToHashSet();
                    rows = [.. rows.Where(r => !theirs.Contains(r.ContactId))];
                }
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var started = await db.Set<Campaign>().Where(c => c.Id == id && (c.Status == CampaignStatus.Draft || c.Status == CampaignStatus.Scheduled))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Sending).SetProperty(c => c.StartedAt, now)
                    .SetProperty(c => c.SendAt, c => c.SendAt ?? now), ct);
            if (started == 0)
            {
                return false; // another start won, or the campaign was cancelled meanwhile
            }
        }
        Hangfire.BackgroundJobClientExtensions.Enqueue<CampaignSendJob>(jobs, j => j.RunAsync(CancellationToken.None));
        return true;
    }

    /// <summary>
    /// One recipient's delivery row, and for a text that may still go out, their own copy of each link (<see cref="TrackedLink"/>)
    /// in the same transaction, the codes already in the row's text. A code that happens to exist already fails the chunk,
    /// whose retry draws new ones.
    /// </summary>
    private static void AddDelivery(AppDbContext db, Guid campaignId, RecipientDecision d, IReadOnlyList<string> destinations, DateTime now)
    {
        var status = d.Eligible ? DeliveryStatus.Pending : HoldReasons.IsDelay(d.Reason) ? DeliveryStatus.Held : DeliveryStatus.Skipped;
        var text = d.Text;
        if (status != DeliveryStatus.Skipped && destinations.Count > 0)
        {
            var codes = new List<string>(destinations.Count);
            for (var i = 0; i < destinations.Count; i++)
            {
                var code = CampaignLinks.NewCode();
                codes.Add(code);
                db.Add(new TrackedLink { Code = code, CampaignId = campaignId, ContactId = d.ContactId, Position = i + 1, Destination = destinations[i], CreatedAt = now });
            }
            text = CampaignLinks.Personalise(text, codes);
        }
        db.Add(new CampaignDelivery
        {
            CampaignId = campaignId, ContactId = d.ContactId, Phone = d.Phone, Text = text, Segments = d.Segments.Segments,
            Status = status, Reason = d.Reason, DueAt = d.EarliestSendAt ?? now,
        });
    }
}
