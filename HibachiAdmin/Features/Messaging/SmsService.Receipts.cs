using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>Receipts read in bulk (RingCentral Message Sync, High Volume message events and lists).</summary>
public sealed partial class SmsService
{
    /// <summary>Our status for a RingCentral <c>messageStatus</c>; null for states that say nothing new (Queued, Received, unknown).</summary>
    public static OutboundStatus? MapRingCentral(string? state) => state switch
    {
        "Sent" => OutboundStatus.Sent,
        "Delivered" => OutboundStatus.Delivered,
        "DeliveryFailed" or "SendingFailed" => OutboundStatus.Failed,
        _ => null,
    };

    /// <summary>
    /// Applies provider statuses to our texts in <paramref name="db"/> (the caller saves, e.g. with the sync
    /// cursor): one query per 500 ids, never backwards (a late or repeated report changes nothing), a failure
    /// that says the number cannot take texts marks the contact in the same unit of work.
    /// </summary>
    /// <returns>The texts whose status moved, with their new status.</returns>
    public async Task<IReadOnlyList<(Guid MessageId, OutboundStatus Status)>> ApplyProviderStatusesAsync(
        AppDbContext db, string providerName, IReadOnlyCollection<ProviderStatus> statuses, CancellationToken ct)
    {
        var moved = new List<(Guid, OutboundStatus)>();
        var byId = new Dictionary<string, OutboundMessage>(StringComparer.Ordinal);
        foreach (var chunk in statuses.Select(s => s.ProviderMessageId).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var m in await db.Set<OutboundMessage>().Where(m => m.Provider == providerName && chunk.Contains(m.ProviderMessageId!)).ToListAsync(ct))
            {
                byId[m.ProviderMessageId!] = m;
            }
        }
        var now = time.GetUtcNow().UtcDateTime;
        var changed = new List<OutboundMessage>();
        foreach (var report in statuses)
        {
            if (byId.TryGetValue(report.ProviderMessageId, out var message) && await ApplyOneAsync(db, message, report.ProviderState, report.ErrorCode, now, ct))
            {
                moved.Add((message.Id, message.Status));
                changed.Add(message);
            }
        }
        // Once per text, with its latest status (a Sent and a Delivered in one read tell Delivered).
        await TellObserversAsync(db, changed.Distinct(), ct);
        return moved;
    }

    /// <summary>One report on one tracked text: never backwards; a failure that says the number cannot take texts marks the contact.</summary>
    private async Task<bool> ApplyOneAsync(AppDbContext db, OutboundMessage message, string providerState, string? errorCode, DateTime now, CancellationToken ct)
    {
        if (MapRingCentral(providerState) is not { } status || OutboundMessage.Rank(status) <= OutboundMessage.Rank(message.Status))
        {
            return false;
        }
        var detail = errorCode is null ? $"{message.Provider}: {providerState}" : $"{message.Provider}: {providerState} ({errorCode})";
        detail = detail.Length > 500 ? detail[..500] : detail;
        await RecordStatusAsync(db, message, status, detail, now, ct);
        return true;
    }
}
