namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>
/// A message to a customer by Instagram or Messenger DM from another feature (the calendar's "Tell the customer"),
/// implemented by the inbox's scheduled replies: Meta's 24-hour window, exactly once, recorded in the conversation.
/// </summary>
public interface IDirectMessages
{
    /// <summary>The customer's most recent Instagram or Messenger conversation Meta still lets us answer, or null.</summary>
    Task<DirectMessageThread?> OpenThreadAsync(Guid contactId, CancellationToken ct);

    /// <summary>Sends <paramref name="text"/> in that conversation now (a few seconds from now, through the scheduled replies). Detail: why not.</summary>
    Task<(bool Sent, string? Detail)> SendAsync(Guid threadId, string text, HibachiAdmin.Common.Actor actor, CancellationToken ct);
}
