using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;

// Deliberate examples for FeatureBoundaryTests: this namespace plays a feature of its own.
namespace HibachiAdmin.Features.BoundaryProbe;

/// <summary>Forbidden: a feature reading another feature's entity.</summary>
public static class ReadsContactEntity
{
    public static IQueryable<Contact> All(AppDbContext db) => db.Set<Contact>();
}

/// <summary>Allowed: the other feature's public service and its summary record.</summary>
public static class UsesContactService
{
    public static Task<ContactSummary?> Find(ContactService contacts, Guid id) => contacts.GetSummaryAsync(id, default);
}
