namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// A reply kept for reuse, inserted with <c>/</c> in the composer (issue 26.6): shared ones are managed by Admins,
/// personal ones by their owner. Its body may carry merge fields (<see cref="SavedReplyMerge"/>) and links to files
/// uploaded under Admin (<see cref="SharedFile"/>).
/// </summary>
public sealed class SavedReply
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>What is typed after <c>/</c> to find it ("menu", "deposit").</summary>
    public string Shortcut { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>The owner's user id for a personal reply; null for a shared one.</summary>
    public string? OwnerId { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
