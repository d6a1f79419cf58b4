using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>
/// Where inbound processing hands a RingCentral telephony notification. Owned by Messaging and implemented
/// by Calls (which depends on Messaging to text back), so Messaging never depends on Calls.
/// </summary>
public interface ITelephonyEvents
{
    /// <summary>Applies the notification inside the inbound batch; returns the outcome word stored on the notification.</summary>
    Task<string> ApplyTelephonyEventAsync(CrossFeatureTransaction tx, JsonElement body, CancellationToken ct);
}
