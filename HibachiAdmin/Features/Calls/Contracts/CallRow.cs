using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Calls.Contracts;

public sealed record CallRow(Guid Id, string Direction, string? FromNumber, string? FromName, Guid? ContactId, string? ContactName, string Status,
    DateTime? StartedAt, int? DurationSeconds, bool Missed, bool Voicemail, bool HasRecording, Guid? LeadId);
