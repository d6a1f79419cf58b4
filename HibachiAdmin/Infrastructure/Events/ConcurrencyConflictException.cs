using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Events;

/// <summary>A stale expected version: someone else appended to the stream first.</summary>
public sealed class ConcurrencyConflictException(Guid streamId, int expectedVersion)
    : Exception($"Stream {streamId} is no longer at version {expectedVersion}; reload and retry.")
{
    public Guid StreamId { get; } = streamId;
}
