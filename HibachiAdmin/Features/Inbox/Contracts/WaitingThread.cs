using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>A conversation waiting for a person's reply (the inbox's one definition of waiting), for alerts.</summary>
/// <param name="WaitingSince">When the customer's first unanswered message came in: with the thread id it names this one wait.</param>
public sealed record WaitingThread(Guid ThreadId, Guid? ContactId, string Title, Platform Platform, DateTime WaitingSince, string? Preview);
