using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// What the inbound worker does with RingCentral's generic message-store notification ("something changed"):
/// it only marks status changes as pending, in the batch's own transaction, and never calls the provider.
/// After the commit one coalesced <see cref="StatusSyncJob"/> on its own queue reads every change with Message
/// Sync under its own rate budget. With the Sandbox provider, receipts arrive directly.
/// </summary>
public sealed class OutboundStatusSync(ISmsProvider provider, StatusSyncSignal signal)
{
    public const string MessageSyncKey = "ringcentral:message-sync";

    /// <summary>Marks status changes pending in <paramref name="db"/> (saved with the caller's batch): one bump per unit of work.</summary>
    public async Task<string> MarkPendingAsync(AppDbContext db, CancellationToken ct)
    {
        if (provider.Name != "ringcentral")
        {
            return "noted: message-store change (sandbox receipts are applied directly)";
        }
        var state = await db.Set<ProviderSyncState>().FindAsync([MessageSyncKey], ct);
        if (state is null)
        {
            db.Add(new ProviderSyncState { Key = MessageSyncKey, PendingVersion = 1 });
        }
        else if (db.Entry(state).State != Microsoft.EntityFrameworkCore.EntityState.Added && !db.Entry(state).Property(s => s.PendingVersion).IsModified)
        {
            state.PendingVersion++;
        }
        return "noted: message-store change; status sync pending";
    }

    /// <summary>After a commit: asks for the status read when the committed work marked changes pending.</summary>
    public void Committed(AppDbContext db)
    {
        if (db.ChangeTracker.Entries<ProviderSyncState>().Any())
        {
            signal.Request();
        }
    }
}
