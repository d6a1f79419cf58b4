namespace HibachiAdmin.Features.Messaging;

/// <summary>The webhook subscription made at RingCentral, so it can be shown and renewed.</summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Provider { get; set; } = "ringcentral";
    public string ExternalId { get; set; } = "";
    public string Address { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime? ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RenewedAt { get; set; }
    public string? LastError { get; set; }
}
