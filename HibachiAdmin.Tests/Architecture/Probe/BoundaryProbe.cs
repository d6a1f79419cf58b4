using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

// Deliberate examples for FeatureBoundaryTests: these namespaces play features of their own.
namespace HibachiAdmin.Features.BoundaryProbe;

/// <summary>Forbidden: a feature reading another feature's entity.</summary>
public static class ReadsContactEntity
{
    public static IQueryable<Contact> All(AppDbContext db) => db.Set<Contact>();
}

/// <summary>Forbidden: another feature's service class, which is not in its Contracts.</summary>
public static class UsesContactService
{
    public static Task<bool> Exists(ContactService contacts, Guid id) => contacts.ExistsAsync(id, default);
}

/// <summary>Allowed: what the other feature publishes in its Contracts.</summary>
public static class UsesContactsContract
{
    public static void Configure(EntityTypeBuilder<ProbeRow> b) => b.HasContactForeignKey(nameof(ProbeRow.ContactId), Microsoft.EntityFrameworkCore.DeleteBehavior.Restrict);
}

public sealed class ProbeRow
{
    public Guid ContactId { get; set; }
}

/// <summary>Half of a planted cycle: BoundaryProbe → BoundaryProbeEcho.</summary>
public static class CallsTheEcho
{
    public static string Ping() => BoundaryProbeEcho.Contracts.Echo.Of("ping");
}

/// <summary>The probe's own contract, used by the echo.</summary>
public static class Probes
{
    public static string Name { get; } = "probe";
}
