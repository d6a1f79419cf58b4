using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Inbox;

/// <summary>Messaging's <see cref="IInboundConversations"/>: the inbox's writes inside the inbound batch or an outbox handler's transaction.</summary>
public sealed partial class ConversationLog
{
    Task IInboundConversations.PreloadInboundAsync(CrossFeatureTransaction tx, Platform platform, IReadOnlyCollection<(string Party, string MessageId)> messages, CancellationToken ct) =>
        PreloadInboundAsync(tx.Db, platform, messages, ct);

    Task<(Guid ThreadId, Guid MessageId, bool Added)> IInboundConversations.AppendInboundAsync(CrossFeatureTransaction tx, InboundMessage message, CancellationToken ct) =>
        AppendInboundAsync(tx.Db, message, ct);

    Task<string> IInboundConversations.RecordEchoAsync(CrossFeatureTransaction tx, Platform platform, string party, string accountId, string mid, string text,
        IReadOnlyList<MessageAttachment>? attachments, string? metadata, DateTime at, CancellationToken ct) =>
        RecordEchoAsync(tx.Db, platform, party, accountId, mid, text, attachments, metadata, at, ct);

    Task<int> IInboundConversations.ApplyReceiptAsync(CrossFeatureTransaction tx, Platform platform, string party, MessageStatus to, IReadOnlyCollection<string> mids, DateTime? watermark, CancellationToken ct) =>
        ApplyReceiptAsync(tx.Db, platform, party, to, mids, watermark, ct);

    Task IInboundConversations.RecordOutboundAsync(CrossFeatureTransaction tx, Platform platform, string externalPartyId, Guid? contactId, string title, string text, Guid? outboundMessageId, string sentBy, CancellationToken ct) =>
        RecordOutboundAsync(tx.Db, platform, externalPartyId, contactId, title, text, outboundMessageId, sentBy, ct);

    Task<bool> IInboundConversations.NameThreadAsync(CrossFeatureTransaction tx, Guid threadId, string name, CancellationToken ct) => NameThreadAsync(tx.Db, threadId, name, ct);

    bool IInboundConversations.IsNewThread(CrossFeatureTransaction tx, Platform platform, string party) => IsNewThread(tx.Db, platform, party);

    string IInboundConversations.DefaultTitle(Platform platform, string party) => DefaultTitle(platform, party);
}
