using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Processes the stored notifications of one provider that another feature owns (Payments: Stripe), inside
/// the same claimed, all-or-nothing inbound batch as RingCentral's and Meta's. Owned by Messaging and
/// implemented by the higher feature, so Messaging never depends on it.
/// </summary>
public interface IProviderEventHandler
{
    /// <summary>The <c>Provider</c> value of the stored rows this handler takes (e.g. <c>stripe</c>).</summary>
    string Provider { get; }

    /// <summary>Applies one notification inside the batch (never saves); returns the outcome stored on the notification.</summary>
    Task<string> HandleAsync(CrossFeatureTransaction tx, string externalId, JsonElement payload, CancellationToken ct);
}
