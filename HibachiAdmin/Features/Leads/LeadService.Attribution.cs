using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Leads;

public sealed partial class LeadService
{
    /// <summary>Leads linked to any of these QR codes (their <c>qrCodeId</c>), or with these ids, for per-code attribution.</summary>
    public async Task<IReadOnlyList<LeadAttribution>> ForQrCodesAsync(IReadOnlyCollection<Guid> qrCodeIds, IReadOnlyCollection<Guid> leadIds, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new Dictionary<Guid, LeadAttribution>();
        foreach (var chunk in qrCodeIds.Distinct().Chunk(500))
        {
            foreach (var l in await db.Set<Lead>().AsNoTracking().Where(l => l.QrCodeId != null && chunk.Contains(l.QrCodeId.Value))
                         .Select(l => new LeadAttribution(l.Id, l.ContactId, l.Source, l.Status, l.QrCodeId, l.CreatedAt)).ToListAsync(ct))
            {
                result[l.Id] = l;
            }
        }
        foreach (var chunk in leadIds.Distinct().Chunk(500))
        {
            foreach (var l in await db.Set<Lead>().AsNoTracking().Where(l => chunk.Contains(l.Id))
                         .Select(l => new LeadAttribution(l.Id, l.ContactId, l.Source, l.Status, l.QrCodeId, l.CreatedAt)).ToListAsync(ct))
            {
                result[l.Id] = l;
            }
        }
        return result.Values.ToList();
    }
}
