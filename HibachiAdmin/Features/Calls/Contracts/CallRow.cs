using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;

namespace HibachiAdmin.Features.Calls.Contracts;

public sealed record CallRow(Guid Id, string Direction, string? FromNumber, string? FromName, Guid? ContactId, string? ContactName, string Status,
    DateTime? StartedAt, int? DurationSeconds, bool Missed, bool Voicemail, bool HasRecording, Guid? LeadId);
