using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Durable state of one provider read that runs apart from the inbound worker (e.g. RingCentral Message Sync):
/// "changes are pending" as a counter the inbound path bumps in its own transaction, the provider's cursor
/// (<see cref="SyncToken"/>), and a lease so one process reads at a time. A notification that arrives while a
/// read runs bumps <see cref="PendingVersion"/> past the version that read started from, so it is read again.
/// </summary>
public sealed class ProviderSyncState
{
    /// <summary>Which read, e.g. <c>ringcentral:message-sync</c>.</summary>
    public string Key { get; set; } = "";
    /// <summary>Bumped once per inbound batch that carried a "something changed" notification.</summary>
    public long PendingVersion { get; set; }
    /// <summary>The <see cref="PendingVersion"/> the last completed read started from; pending while lower.</summary>
    public long SyncedVersion { get; set; }
    /// <summary>The provider's cursor (Message Sync <c>syncToken</c>); null: the next read is a full sync.</summary>
    public string? SyncToken { get; set; }
    public DateTime? LastSyncAt { get; set; }
    /// <summary>When the last read started waiting on the provider (429) or failed, and why.</summary>
    public string? LastError { get; set; }
    public string? LockedBy { get; set; }
    public DateTime? LockedUntil { get; set; }
}
