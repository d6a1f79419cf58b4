using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

/// <summary>Every text the app sends (or refused to send), with its provider id, cost and status history.</summary>
public sealed class OutboundMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ContactId { get; set; }
    public string To { get; set; } = "";
    public string? From { get; set; }
    public string Text { get; set; } = "";
    public SmsPurpose Purpose { get; set; }
    public OutboundStatus Status { get; set; }
    public string? RefusedReason { get; set; }
    public string? Error { get; set; }
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public string Encoding { get; set; } = "GSM-7";
    public int Segments { get; set; }
    public decimal Cost { get; set; }
    /// <summary>The caller's idempotency key; unique when present.</summary>
    public string? CorrelationId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Statuses only move forward: Queued → Sent → Delivered, or to Failed.</summary>
    public static int Rank(OutboundStatus status) => status switch
    {
        OutboundStatus.Refused => 0,
        OutboundStatus.Queued => 1,
        OutboundStatus.Sent => 2,
        OutboundStatus.Delivered or OutboundStatus.Failed => 3,
        _ => 0,
    };
}
