using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// One recipient of a campaign, written when the send starts with its decision. Unique per (campaign,
/// contact): a second "send" or a restart can never make a second row, and the SMS correlation id
/// <c>campaign:{campaign}:{contact}</c> makes a retried send return the first attempt.
/// </summary>
public sealed class CampaignDelivery
{
    public long Id { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ContactId { get; set; }
    public string? Phone { get; set; }
    /// <summary>
    /// Where this recipient stands, owned by this row: the sender moves it up to sent (or skipped, failed at the
    /// provider), the text's receipts move it on to delivered or failed (<see cref="CampaignDeliveryReceipts"/>). Never backwards.
    /// </summary>
    public DeliveryStatus Status { get; set; }
    /// <summary>Hold or skip reason (<see cref="HoldReasons"/>), "expired", or the provider's refusal.</summary>
    public string? Reason { get; set; }
    /// <summary>When the sender may take it (now for eligible ones; the window opening for held ones).</summary>
    public DateTime DueAt { get; set; }
    public string Text { get; set; } = "";
    public int Segments { get; set; }
    public Guid? OutboundMessageId { get; set; }
    public string? ProviderMessageId { get; set; }
    public DateTime? SentAt { get; set; }
    /// <summary>When the carrier reported the text delivered.</summary>
    public DateTime? DeliveredAt { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}
