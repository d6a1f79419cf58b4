namespace HibachiAdmin.Features.Inbox;

/// <summary>Sandbox only: simulates Meta's delivery and read receipts for a reply a moment after it was "sent".</summary>
public sealed class SandboxMetaReceiptJob(InboxReplies inbox)
{
    public Task RunAsync(Guid messageId, CancellationToken ct) => inbox.SimulateReceiptsAsync(messageId, ct);
}
