using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

/// <summary>A sales opportunity for one contact, with where it came from (attribution links).</summary>
public sealed class Lead
{
    public const int MaxLostReason = 500;
    public const int MaxLocation = 200;
    public const int MaxZip = 10;
    public const int MaxOccasion = 100;
    public const int MaxNotes = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public LeadSource Source { get; set; }
    public LeadStatus Status { get; set; }
    public string? LostReason { get; set; }
    public DateOnly? EventDate { get; set; }
    public int? GuestCount { get; set; }
    public string? Location { get; set; }
    public string? Zip { get; set; }
    public string? Occasion { get; set; }
    public decimal? EstimatedValue { get; set; }
    public string? Notes { get; set; }
    // Attribution: where the lead came from. Ids of other features' rows, kept loose on purpose
    // (a feature reaches another only through its service or events).
    public Guid? ThreadId { get; set; }
    public Guid? CallId { get; set; }
    public Guid? QrCodeId { get; set; }
    public Guid? CampaignId { get; set; }
    public Guid? MessageId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime StatusChangedAt { get; set; }

    public bool IsOpen => Status is not (LeadStatus.Booked or LeadStatus.Lost);
}
