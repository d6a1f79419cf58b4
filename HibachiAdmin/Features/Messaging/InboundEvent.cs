using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// A provider notification exactly as received, stored in the webhook request before anything else
/// happens (unique on provider + event id), then processed by a job. Unprocessed rows are swept.
/// </summary>
public sealed class InboundEvent
{
    public Guid Id { get; set; }
    public string Provider { get; set; } = "";
    public string ExternalId { get; set; } = "";
    /// <summary>Which webhook received it: "sms" or "voice".</summary>
    public string Channel { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Lease of the worker processing it, so the job and the sweep never run one event twice at once.</summary>
    public DateTime? LockedUntil { get; set; }
    /// <summary>Owner of the current claim (worker id); the claimed rows are read back by it.</summary>
    public string? LockedBy { get; set; }
    public string? Outcome { get; set; }
    public string? LastError { get; set; }
}
