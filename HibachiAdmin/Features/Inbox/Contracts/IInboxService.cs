namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>What other features may ask of the inbox (implemented by <c>InboxContract</c>).</summary>
public interface IInboxService
{
    Task<IReadOnlyList<ConversationLine>> ConversationOfContactAsync(Guid contactId, int max, CancellationToken ct);
    Task<InboxPulse> GetPulseAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);
    Task<InboxStats> StatsAsync(DateTime fromUtc, DateTime toUtc, TimeZoneInfo zone, CancellationToken ct);
    /// <summary>Which of these contacts are in a conversation: a thread of theirs (any channel) with a message since <paramref name="sinceUtc"/>.</summary>
    Task<IReadOnlySet<Guid>> ContactsInConversationSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct);
    Task<IReadOnlyList<(Guid ContactId, DateTime At, string Text)>> InboundSmsSinceAsync(IReadOnlyCollection<Guid> contactIds, DateTime sinceUtc, CancellationToken ct);
}
