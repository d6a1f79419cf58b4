using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Security.Cryptography;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>
/// This app instance's id (one per host, not per process: tests run several hosts in one process, and in a
/// container every instance is process 1). Every lease this instance takes is owned by <c>{Id}:{claim}</c>, so a
/// live instance can give back, at once, every lease of an instance that stopped heartbeating
/// (<see cref="LeaseRecovery"/>).
/// </summary>
public sealed class AppInstanceIdentity
{
    /// <summary>
    /// Host (cut to 32 characters), process id and 12 random hex digits: an operator looking at a held row sees which
    /// host and process holds it; fits <c>AppInstances.Id</c> (60) and leaves room in a lease owner.
    /// </summary>
    public string Id { get; } = $"{Host()}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>A new lease owner of this instance, unique per claim (at most 90 characters: <see cref="LeaseClaims.MaxOwnerLength"/>).</summary>
    public string NewOwner() => $"{Id}:{Guid.NewGuid():N}";

    /// <summary>The prefix every owner of instance <paramref name="instanceId"/> starts with.</summary>
    public static string OwnerPrefix(string instanceId) => instanceId + ":";

    private static string Host() => Environment.MachineName[..Math.Min(Environment.MachineName.Length, 32)];
}
