namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// A calendar feed link (<c>GET /ical/{token}.ics</c>). Only the token's SHA-256 is stored: the link is shown once, when it
/// is issued. Revoking stamps <see cref="RevokedAt"/> and the feed answers 404 from then on; issuing a new link revokes the
/// one before it, so each owner (the business, a chef) has at most one live link.
/// </summary>
public sealed class CalendarFeed
{
    public const int MaxActor = 256;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public CalendarFeedKind Kind { get; set; }
    /// <summary>The chef of a chef's feed; null for the business feed.</summary>
    public Guid? ChefId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
