using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Told when a text's status moves (a carrier receipt: sent, delivered, failed), inside the unit of work that records it,
/// so a feature that keeps its own copy of a text's status (a campaign's delivery row) changes with it or not at all.
/// Owned by Messaging and implemented by higher features (Campaigns), so Messaging never depends on them. Called only
/// for moves (statuses never go backwards in Messaging), but an implementation must still be idempotent and never move
/// its own status backwards: a change can reach it before the sender recorded the text, twice, or out of order.
/// </summary>
public interface IOutboundStatusObserver
{
    /// <summary>Adds or changes the observer's own rows in <paramref name="tx"/>; never saves.</summary>
    Task StatusesChangedAsync(CrossFeatureTransaction tx, IReadOnlyList<OutboundStatusChanged> changes, CancellationToken ct);
}
