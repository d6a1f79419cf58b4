using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Reviews;

/// <summary>A review of the business on one platform, with our reply and what it was matched to.</summary>
public sealed class Review
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public ReviewPlatform Platform { get; set; }
    /// <summary>The platform's id (Google reviewId); manual entries get one of ours.</summary>
    public string ExternalId { get; set; } = "";
    /// <summary>Google's resource name (accounts/…/locations/…/reviews/…), used to post the reply.</summary>
    public string? ResourceName { get; set; }
    public string ReviewerName { get; set; } = "";
    public int Rating { get; set; }
    public string? Text { get; set; }
    public string? Url { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? ReplyText { get; set; }
    public DateTime? ReplyUpdatedAt { get; set; }
    public ReplyState ReplyState { get; set; }
    public string? ReplyError { get; set; }
    /// <summary>Who approved <see cref="ReplyText"/> as it is now; cleared whenever the text changes.</summary>
    public string? ApprovedBy { get; set; }
    /// <summary>
    /// The reply's version: one more on every change of the reply (text, state, approver). An approval names the
    /// version the manager read, and every write of the row is checked against the version it read (the
    /// concurrency token), so two writers racing on one reply cannot mix their changes.
    /// </summary>
    public int ReplyVersion { get; set; }
    public Guid? ContactId { get; set; }
    public Guid? BookingId { get; set; }
    public DateTime ImportedAt { get; set; }
    /// <summary>Last import that saw it (a nightly full re-sync refreshes every row).</summary>
    public DateTime LastSeenAt { get; set; }
}
