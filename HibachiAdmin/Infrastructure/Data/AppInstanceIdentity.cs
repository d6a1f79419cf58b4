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
    /// <summary>Host (cut to 24 characters) and 12 random hex digits; fits <c>AppInstances.Id</c> and leaves room in a lease owner.</summary>
    public string Id { get; } = $"{Host()}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>A new lease owner of this instance, unique per claim (at most 70 characters: <see cref="LeaseClaims.MaxOwnerLength"/>).</summary>
    public string NewOwner() => $"{Id}:{Guid.NewGuid():N}";

    /// <summary>The prefix every owner of instance <paramref name="instanceId"/> starts with.</summary>
    public static string OwnerPrefix(string instanceId) => instanceId + ":";

    private static string Host()
    {
        var host = new string(Environment.MachineName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').ToArray());
        return host.Length == 0 ? "host" : host[..Math.Min(host.Length, 24)];
    }
}
