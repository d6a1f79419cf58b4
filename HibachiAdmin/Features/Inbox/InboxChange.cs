using System.Collections.Concurrent;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Inbox;

/// <summary>What changed: a thread got a message, a receipt, a status or an assignee.</summary>
public sealed record InboxChange(IReadOnlyCollection<Guid> ThreadIds);
