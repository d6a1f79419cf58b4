namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Sending many texts and reading what became of them (a campaign's sender and counts; implemented by <c>SmsService</c>).</summary>
public interface ISmsBatches
{
    /// <summary>How long a text stored as queued may wait for its provider answer before it counts as in doubt.</summary>
    static readonly TimeSpan InDoubtAfter = TimeSpan.FromMinutes(2);

    /// <summary>Marketing goes to the provider in batches (RingCentral High Volume SMS) rather than one request per text.</summary>
    bool SendsMarketingInBatches { get; }

    /// <summary>Texts per batch request (1 when the provider sends one at a time).</summary>
    int MarketingBatchSize { get; }

    /// <summary>Why the marketing sender cannot send (e.g. a number without <c>A2PSmsSender</c>), or null when it can.</summary>
    Task<string?> CheckMarketingSenderAsync(CancellationToken ct);

    Task<IReadOnlyList<SmsSendResult>> SendManyAsync(IReadOnlyList<OutboundSms> batch, CancellationToken ct);
    Task<IReadOnlySet<string>> ExistingCorrelationsAsync(IEnumerable<string> correlationIds, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, (OutboundStatus Status, DateTime? DeliveredAt, string? Error)>> GetStatusesAsync(IEnumerable<Guid> ids, CancellationToken ct);
    Task<IReadOnlyDictionary<string, List<DateTime>>> MarketingSentSinceAsync(DateTime sinceUtc, CancellationToken ct);
    Task<IReadOnlyDictionary<string, List<DateTime>>> MarketingSentSinceAsync(DateTime sinceUtc, IEnumerable<string> numbers, CancellationToken ct);
}
