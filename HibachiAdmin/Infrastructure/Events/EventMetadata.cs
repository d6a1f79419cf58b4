using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

public sealed record EventMetadata(string? UserName, Guid CorrelationId, Guid? CausationId = null);
