namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// One recipient's copy of one link of a campaign (<c>/l/{code}</c>), written with the recipient's delivery row when the
/// send starts, so a text never goes out with a link that does not exist yet.
/// </summary>
public sealed class TrackedLink
{
    public long Id { get; set; }
    /// <summary><see cref="CampaignLinks.CodeLength"/> random characters, unique.</summary>
    public string Code { get; set; } = "";
    public Guid CampaignId { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>Which link of the message (1-based), so a recipient's codes fill the text in order.</summary>
    public int Position { get; set; }
    public string Destination { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
