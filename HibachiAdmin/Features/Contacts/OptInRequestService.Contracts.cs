using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Contacts;

/// <summary>The contract's writes inside another feature's transaction (<see cref="CrossFeatureTransaction"/>).</summary>
public sealed partial class OptInRequestService
{
    Task<OptInAskOutcome> IOptInRequests.AskAsync(CrossFeatureTransaction tx, Guid contactId, OptInAsk ask, Actor actor, CancellationToken ct) =>
        AskAsync(tx.Db, contactId, ask, actor, ct);

    Task<OptInRequestToSend?> IOptInRequests.ToSendAsync(CrossFeatureTransaction tx, Guid requestId, CancellationToken ct) => ToSendAsync(tx.Db, requestId, ct);

    Task IOptInRequests.RescheduleAsync(CrossFeatureTransaction tx, Guid requestId, DateTime dueAtUtc, CancellationToken ct) => RescheduleAsync(tx.Db, requestId, dueAtUtc, ct);

    Task IOptInRequests.CompleteAsync(CrossFeatureTransaction tx, Guid requestId, bool sent, string? outcome, Guid? messageId, CancellationToken ct) =>
        CompleteAsync(tx.Db, requestId, sent, outcome, messageId, ct);
}
