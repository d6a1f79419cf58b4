using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Keeps each campaign delivery row's status in step with its text: Messaging tells it when a text moved (sent,
/// delivered, failed), in the unit of work that records the receipt, and the row moves with it. The row is found by the
/// text's idempotency key (<c>campaign:{campaign}:{contact}</c>), so a receipt that arrives before the sender recorded
/// its text still lands. A row only moves forward (<see cref="Rank"/>): a late, repeated or out-of-order receipt never
/// takes a delivered row back to sent, and the sender's own write never overwrites a receipt (it only moves rows that
/// are still <see cref="DeliveryStatus.Sending"/>, see <see cref="CampaignSendJob"/>).
/// </summary>
public sealed class CampaignDeliveryReceipts(CampaignChanges changes) : IOutboundStatusObserver
{
    public async Task StatusesChangedAsync(CrossFeatureTransaction tx, IReadOnlyList<OutboundStatusChanged> changed, CancellationToken ct)
    {
        var mine = changed.Select(c => (Change: c, Key: CampaignService.ParseCorrelation(c.CorrelationId)))
            .Where(x => x.Key is not null).Select(x => (x.Change, Key: x.Key!.Value)).ToList();
        if (mine.Count == 0)
        {
            return;
        }
        var rows = new Dictionary<(Guid, Guid), CampaignDelivery>();
        foreach (var chunk in mine.Chunk(500))
        {
            var campaignIds = chunk.Select(x => x.Key.CampaignId).Distinct().ToList();
            var contactIds = chunk.Select(x => x.Key.ContactId).Distinct().ToList();
            foreach (var row in await tx.Db.Set<CampaignDelivery>().Where(d => campaignIds.Contains(d.CampaignId) && contactIds.Contains(d.ContactId)).ToListAsync(ct))
            {
                rows[(row.CampaignId, row.ContactId)] = row;
            }
        }
        var moved = new HashSet<Guid>();
        foreach (var (change, key) in mine)
        {
            if (rows.TryGetValue((key.CampaignId, key.ContactId), out var row) && Apply(row, change))
            {
                moved.Add(row.CampaignId);
            }
        }
        if (moved.Count > 0)
        {
            changes.AfterCommit(tx.Db, [.. moved]);
        }
    }

    /// <summary>Moves <paramref name="row"/> to the text's status when that is further on; false when nothing changes.</summary>
    internal static bool Apply(CampaignDelivery row, OutboundStatusChanged change)
    {
        DeliveryStatus? to = change.Status switch
        {
            OutboundStatus.Sent => DeliveryStatus.Sent,
            OutboundStatus.Delivered => DeliveryStatus.Delivered,
            OutboundStatus.Failed => DeliveryStatus.Failed,
            _ => null,
        };
        // Only a row whose text is out (being sent, or sent) follows receipts; a skipped or cancelled row has no text.
        if (to is not { } status || row.Status is not (DeliveryStatus.Sending or DeliveryStatus.Sent) || Rank(status) <= Rank(row.Status))
        {
            return false;
        }
        row.Status = status;
        row.OutboundMessageId ??= change.MessageId;
        // A text recovered after a restart can be reported before its row is recorded as sent: it was out by then.
        row.SentAt ??= change.At;
        if (status == DeliveryStatus.Delivered)
        {
            row.DeliveredAt = change.At;
        }
        if (status == DeliveryStatus.Failed && row.Reason is null && change.Error is { Length: > 0 } error)
        {
            row.Reason = error.Length > 200 ? error[..200] : error;
        }
        return true;
    }

    /// <summary>How far a row has got: the sender's states, then sent, then a carrier's final word (delivered or failed).</summary>
    internal static int Rank(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => 1,
        DeliveryStatus.Delivered or DeliveryStatus.Failed => 2,
        _ => 0,
    };
}
