namespace HibachiAdmin.Features.Inbox;

/// <summary>What <see cref="FirstResponses"/> needs of a message.</summary>
public sealed record TurnMessage(Guid ThreadId, bool FromCustomer, DateTime At, bool Automated);
