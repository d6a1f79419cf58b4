namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>Sending many texts and reading what became of them (a campaign's sender and counts; implemented by <c>SmsService</c>).</summary>
public interface ISmsBatches
{
    /// <summary>How long a text stored as queued may wait for its provider answer before it counts as in doubt.</summary>
    static readonly TimeSpan InDoubtAfter = TimeSpan.FromMinutes(2);

    Task<IReadOnlyList<SmsSendResult>> SendManyAsync(IReadOnlyList<OutboundSms> batch, CancellationToken ct);
    Task<IReadOnlySet<string>> ExistingCorrelationsAsync(IEnumerable<string> correlationIds, CancellationToken ct);
    Task<IReadOnlyDictionary<OutboundStatus, int>> CountByCorrelationPrefixAsync(string prefix, CancellationToken ct);
    Task<IReadOnlyDictionary<Guid, (OutboundStatus Status, DateTime? DeliveredAt, string? Error)>> GetStatusesAsync(IEnumerable<Guid> ids, CancellationToken ct);
    Task<IReadOnlyDictionary<string, List<DateTime>>> MarketingSentSinceAsync(DateTime sinceUtc, CancellationToken ct);
    Task<IReadOnlyDictionary<string, List<DateTime>>> MarketingSentSinceAsync(DateTime sinceUtc, IEnumerable<string> numbers, CancellationToken ct);
}
