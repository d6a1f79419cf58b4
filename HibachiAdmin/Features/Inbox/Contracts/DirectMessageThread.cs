using HibachiAdmin.Features.Messaging.Contracts;

namespace HibachiAdmin.Features.Inbox.Contracts;

/// <summary>A customer's Instagram or Messenger conversation that Meta lets us answer until <c>WindowClosesAt</c> (UTC).</summary>
public sealed record DirectMessageThread(Guid ThreadId, Platform Platform, DateTime WindowClosesAt);
