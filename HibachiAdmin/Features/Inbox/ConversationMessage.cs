using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

public sealed class ConversationMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ThreadId { get; set; }
    public MessageDirection Direction { get; set; }
    public string Text { get; set; } = "";
    /// <summary>The provider's message id (RingCentral message id, Meta mid); unique per thread.</summary>
    public string? ExternalId { get; set; }
    /// <summary>For outbound SMS: the OutboundMessage row that carries status and cost.</summary>
    public Guid? OutboundMessageId { get; set; }
    public string? SentBy { get; set; }
    public DateTime At { get; set; }
    public MessageKind Kind { get; set; }
    /// <summary>Our own messages on Meta (SMS status lives on the OutboundMessage row): queued → sent → delivered → read, or failed.</summary>
    public MessageStatus? Status { get; set; }
    /// <summary>Why a send failed, as the provider said it.</summary>
    public string? Error { get; set; }
    /// <summary>Attachments as JSON (<see cref="MessageAttachment"/>[]), null when none.</summary>
    public string? Attachments { get; set; }
    /// <summary>The message a reaction or reply refers to (provider id).</summary>
    public string? ReplyToExternalId { get; set; }
    /// <summary>Sent by the app without a person (confirmations, auto-replies): never tagged HUMAN_AGENT.</summary>
    public bool Automated { get; set; }
    /// <summary>The Meta message tag it was sent with (HUMAN_AGENT), if any.</summary>
    public string? Tag { get; set; }
}
