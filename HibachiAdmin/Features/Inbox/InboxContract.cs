using HibachiAdmin.Features.Inbox.Contracts;

namespace HibachiAdmin.Features.Inbox;

/// <summary>What other features may ask of the inbox (<see cref="IInboxService"/>), answered by the inbox's reads and numbers.</summary>
public sealed class InboxContract(InboxQueries queries, InboxStatistics statistics) : IInboxService
{
    public Task<IReadOnlyList<ConversationLine>> ConversationOfContactAsync(Guid contactId, int max, CancellationToken ct) =>
        queries.ConversationOfContactAsync(contactId, max, ct);

    public Task<InboxPulse> GetPulseAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct) => statistics.GetPulseAsync(fromUtc, toUtc, ct);

    public Task<InboxStats> StatsAsync(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone, CancellationToken ct) => statistics.StatsAsync(fromUtc, toUtc, zone, ct);

    public Task<IReadOnlySet<Guid>> ContactsInConversationSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct) =>
        queries.ContactsInConversationSinceAsync(contactIds, sinceUtc, ct);

    public Task<IReadOnlyList<(Guid ContactId, DateTime At, string Text)>> InboundSmsSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct) =>
        queries.InboundSmsSinceAsync(contactIds, sinceUtc, ct);
}
