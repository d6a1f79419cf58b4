namespace HibachiAdmin.Features.Inbox;

public sealed record LeadLink(Guid LeadId, bool Created);
