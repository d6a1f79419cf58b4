using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.RingCentral;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Marketing texts through the provider's batch channel (RingCentral High Volume SMS), when it has one. Each text was
/// decided and stored as queued one by one before (consent read at the moment of sending), so a batch only carries
/// people who may be texted now; person-to-person texts (replies, transactional, HELP, confirmations) never go here.
/// </summary>
public sealed partial class SmsService
{
    /// <summary>Campaign texts go out in provider batches (claim and send many at once, no per-text throttle).</summary>
    public bool SendsMarketingInBatches => provider is ISmsBatchProvider;

    /// <summary>Most texts one batch request carries (1 without a batch channel).</summary>
    public int MarketingBatchSize => provider is ISmsBatchProvider b ? b.MaxBatchSize : 1;

    /// <summary>Why campaigns cannot go out now (e.g. the number lacks A2PSmsSender), or null.</summary>
    public Task<string?> CheckMarketingSenderAsync(CancellationToken ct) =>
        provider is ISmsBatchProvider b ? b.CheckBatchSenderAsync(ct) : Task.FromResult<string?>(null);

    /// <summary>
    /// Hands stored texts to the provider's batch channel when they are all marketing and it has one (the batch rows are
    /// added to <paramref name="db"/>, saved with the answers).
    /// </summary>
    /// <returns>One answer per text, or null: send them one by one (person-to-person).</returns>
    private async Task<IReadOnlyList<ProviderSendResult>?> CallBatchChannelAsync(AppDbContext db, IReadOnlyList<OutboundMessage> messages, CancellationToken ct)
    {
        if (provider is not ISmsBatchProvider batches || messages.Count == 0 || messages.Any(m => m.Purpose != SmsPurpose.Marketing))
        {
            return null;
        }
        IReadOnlyList<BatchTextResult> answers;
        try
        {
            answers = await batches.SendBatchAsync([.. messages.Select(m => new BatchText(m.Id, m.To, m.Text))], ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return [.. messages.Select(_ => new ProviderSendResult(false, null, ex.Message))];
        }
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var group in answers.Where(a => a.BatchId is not null).GroupBy(a => a.BatchId!))
        {
            db.Add(new A2pBatch { Id = group.Key, Size = group.Count(a => a.Accepted), Rejected = group.Count(a => !a.Accepted), CreatedAt = now });
        }
        logger.LogInformation("Handed {Count} marketing texts to the provider in batches ({Rejected} rejected)", messages.Count, answers.Count(a => !a.Accepted));
        return [.. answers.Select(a => new ProviderSendResult(a.Accepted, a.ProviderMessageId, a.Error))];
    }

    /// <summary>
    /// Applies High Volume message states (events or the batch's message list) in <paramref name="db"/> (the caller saves):
    /// a text is found by RingCentral's id, or before that by its batch and number, and then keeps RingCentral's id.
    /// </summary>
    public async Task<int> ApplyA2pStatesAsync(AppDbContext db, IReadOnlyCollection<RingCentralMessageState> states, CancellationToken ct)
    {
        var keys = new Dictionary<string, RingCentralMessageState>(StringComparer.Ordinal);
        foreach (var s in states)
        {
            keys.TryAdd(s.Id, s);
            if (s.BatchId is { } batch && s.To is { } to)
            {
                keys.TryAdd(RingCentralSmsProvider.A2pKey(batch, to), s);
            }
        }
        var found = new List<(OutboundMessage Message, RingCentralMessageState State)>();
        foreach (var chunk in keys.Keys.Chunk(500))
        {
            foreach (var m in await db.Set<OutboundMessage>().Where(m => m.Provider == provider.Name && chunk.Contains(m.ProviderMessageId!)).ToListAsync(ct))
            {
                found.Add((m, keys[m.ProviderMessageId!]));
            }
        }
        var now = time.GetUtcNow().UtcDateTime;
        var moved = new List<OutboundMessage>();
        foreach (var (message, state) in found)
        {
            message.ProviderMessageId = state.Id;
            if (await ApplyOneAsync(db, message, state.MessageStatus, state.ErrorCode, now, ct))
            {
                moved.Add(message);
            }
        }
        await TellObserversAsync(db, moved.Distinct(), ct);
        return moved.Count;
    }
}
