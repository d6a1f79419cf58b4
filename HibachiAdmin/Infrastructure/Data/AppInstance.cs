using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>A running app instance over the database, with its last heartbeat (PostgreSQL; see <see cref="LeaseRecovery"/>).</summary>
public sealed class AppInstance
{
    /// <summary><see cref="AppInstanceIdentity.Id"/>.</summary>
    public string Id { get; set; } = "";
    public int ProcessId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
}
