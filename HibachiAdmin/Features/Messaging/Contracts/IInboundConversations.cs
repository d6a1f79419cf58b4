using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// What inbound processing and its effects record in the conversations. Owned by Messaging and
/// implemented by Inbox (which depends on Messaging to send), so Messaging never depends on Inbox.
/// Every write goes into the caller's <see cref="CrossFeatureTransaction"/>.
/// </summary>
public interface IInboundConversations
{
    Task PreloadInboundAsync(CrossFeatureTransaction tx, Platform platform, IReadOnlyCollection<(string Party, string MessageId)> messages, CancellationToken ct);
    Task<(Guid ThreadId, Guid MessageId, bool Added)> AppendInboundAsync(CrossFeatureTransaction tx, InboundMessage message, CancellationToken ct);
    Task<string> RecordEchoAsync(CrossFeatureTransaction tx, Platform platform, string party, string accountId, string mid, string text,
        IReadOnlyList<MessageAttachment>? attachments, string? metadata, DateTime at, CancellationToken ct);
    Task<int> ApplyReceiptAsync(CrossFeatureTransaction tx, Platform platform, string party, MessageStatus to, IReadOnlyCollection<string> mids, DateTime? watermark, CancellationToken ct);
    Task RecordOutboundAsync(CrossFeatureTransaction tx, Platform platform, string externalPartyId, Guid? contactId, string title, string text, Guid? outboundMessageId, string sentBy, CancellationToken ct);
    Task<bool> NameThreadAsync(CrossFeatureTransaction tx, Guid threadId, string name, CancellationToken ct);

    /// <summary>Whether this transaction is creating the thread (its first message).</summary>
    bool IsNewThread(CrossFeatureTransaction tx, Platform platform, string party);

    /// <summary>The title of a thread nobody has named yet.</summary>
    string DefaultTitle(Platform platform, string party);
}
