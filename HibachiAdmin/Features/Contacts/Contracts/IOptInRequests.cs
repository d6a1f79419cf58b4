using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Contacts.Contracts;

/// <summary>Asking a person to opt in, and sending the one question (implemented by <c>OptInRequestService</c>).</summary>
public interface IOptInRequests
{
    /// <summary>The event type of <see cref="OptInRequested"/> (the question is sent from the outbox).</summary>
    const string RequestedEvent = "contacts.opt-in-requested.v1";

    Task<OptInAskOutcome> AskAsync(CrossFeatureTransaction tx, Guid contactId, OptInAsk ask, Actor actor, CancellationToken ct);
    Task<IReadOnlyList<Guid>> DueAsync(int take, CancellationToken ct);
    Task<OptInRequestToSend?> ToSendAsync(CrossFeatureTransaction tx, Guid requestId, CancellationToken ct);
    Task RescheduleAsync(CrossFeatureTransaction tx, Guid requestId, DateTime dueAtUtc, CancellationToken ct);
    Task CompleteAsync(CrossFeatureTransaction tx, Guid requestId, bool sent, string? outcome, Guid? messageId, CancellationToken ct);
}
