using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// Sends confirmation texts that waited for the person's sending hours (every minute). Each request in its
/// own short unit of work; a rerun finds sent ones done and answers the rest from the SMS correlation id.
/// </summary>
public sealed class OptInRequestJob(IOptInRequests requests, OptInRequestSender sender, IDbContextFactory<AppDbContext> dbFactory)
{
    public const string Id = "opt-in-requests";

    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var requestId in await requests.DueAsync(200, ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await sender.SendAsync(db, requestId, ct);
            await db.SaveChangesAsync(ct);
        }
    }
}
