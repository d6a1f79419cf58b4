namespace HibachiAdmin.Features.Inbox;

/// <param name="Shared">Managed by Admins, offered to everyone; otherwise the signed-in person's own.</param>
public sealed record SavedReplyView(Guid Id, string Shortcut, string Body, bool Shared, string UpdatedBy, DateTime UpdatedAt);
