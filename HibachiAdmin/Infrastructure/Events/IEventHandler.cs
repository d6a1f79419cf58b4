using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>
/// Reacts to domain events delivered from the outbox. Database effects tracked on the given context
/// commit in the same SaveChanges as the handler's processed-message row, so they happen once.
/// Effects outside the database must be idempotent themselves (e.g. an SMS correlation id).
/// </summary>
public interface IEventHandler
{
    /// <summary>Stable name, the key of its processed-messages rows.</summary>
    string Name { get; }
    bool Handles(string eventType);
    Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct);
}
