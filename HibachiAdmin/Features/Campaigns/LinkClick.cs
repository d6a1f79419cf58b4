namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// A person's click on a tracked link (link previews and HEAD requests are never one). Written by the redirect; the
/// attribution job then puts the campaign on the person's open lead (or opens one) and records it here. Consent is never
/// touched: a click is not an opt-in.
/// </summary>
public sealed class LinkClick
{
    public long Id { get; set; }
    public long LinkId { get; set; }
    public Guid CampaignId { get; set; }
    public Guid ContactId { get; set; }
    public DateTime At { get; set; }
    /// <summary>The browser's User-Agent, cut to 300 characters.</summary>
    public string? UserAgent { get; set; }
    /// <summary>The lead the click was attributed to (set by <see cref="LinkClickAttributionJob"/>).</summary>
    public Guid? LeadId { get; set; }
    /// <summary>When the attribution job handled it; null while waiting.</summary>
    public DateTime? AttributedAt { get; set; }
}
