using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// A table whose rows are work items taken with a lease: <c>LockedUntil</c> (and optionally
/// <c>LockedBy</c>) columns; a row whose lease has expired is free again, so a crashed worker's rows
/// are picked up by another after the lease.
/// </summary>
/// <param name="Table">Table name as in the model, e.g. "Outbox".</param>
/// <param name="Key">Key column, returned for each claimed row.</param>
/// <param name="OrderBy">SQL order of candidates (oldest first), e.g. "\"Id\"".</param>
public sealed record LeaseTable(string Table, string Key = "Id", string LockedUntil = "LockedUntil", string? LockedBy = "LockedBy", string OrderBy = "\"Id\"");
