using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>Which handler has already handled which event: makes every handler idempotent.</summary>
public sealed class ProcessedMessage
{
    public string Handler { get; set; } = "";
    public Guid EventId { get; set; }
    public DateTime At { get; set; }
}
