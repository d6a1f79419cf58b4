namespace HibachiAdmin.Features.Contacts;

/// <summary>An ask as the contact page shows it.</summary>
public sealed record OptInRequestDto(Guid Id, string Source, string? Evidence, string RequestedBy, DateTime RequestedAt, DateTime DueAt, ConsentRequestStatus Status, string? Outcome, DateTime? DoneAt);
