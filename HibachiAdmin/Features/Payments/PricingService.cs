using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

/// <summary>The catalogue quotes are priced from (Admin > Pricing): add-ons and travel zones.</summary>
public sealed class PricingService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<AddOn>> AddOnsAsync(bool activeOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<AddOn>().AsNoTracking().Where(a => !activeOnly || a.Active).OrderBy(a => a.SortOrder).ThenBy(a => a.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TravelZone>> ZonesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<TravelZone>().AsNoTracking().OrderBy(z => z.Fee).ThenBy(z => z.Name).ToListAsync(ct);
    }

    public static Dictionary<string, string[]> Check(AddOn a)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(a.Name) || a.Name.Trim().Length > AddOn.MaxName)
        {
            errors["name"] = [$"Expected a name of 1 to {AddOn.MaxName} characters."];
        }
        Money.Validate(errors, "price", a.Price, Money.MaxPricePerPerson);
        return errors;
    }

    public static Dictionary<string, string[]> Check(TravelZone z)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(z.Name) || z.Name.Trim().Length > TravelZone.MaxName)
        {
            errors["name"] = [$"Expected a name of 1 to {TravelZone.MaxName} characters."];
        }
        var entries = TravelZones.Entries(z.Zips ?? "").ToList();
        if (entries.Count == 0 || (z.Zips ?? "").Length > TravelZone.MaxZips || entries.Any(e => e.Length is < 3 or > 5 || !e.All(char.IsAsciiDigit)))
        {
            errors["zips"] = ["Expected ZIP codes or 3–4 digit ZIP prefixes, separated by commas."];
        }
        Money.Validate(errors, "fee", z.Fee, PaymentsService.MaxTravelFee);
        return errors;
    }

    public async Task<Dictionary<string, string[]>> SaveAsync(AddOn addOn, CancellationToken ct)
    {
        var errors = Check(addOn);
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        addOn.Name = addOn.Name.Trim();
        if (addOn.Id == Guid.Empty)
        {
            addOn.Id = Guid.CreateVersion7();
            db.Add(addOn);
        }
        else
        {
            db.Update(addOn);
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<Dictionary<string, string[]>> SaveAsync(TravelZone zone, CancellationToken ct)
    {
        var errors = Check(zone);
        if (errors.Count > 0)
        {
            return errors;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        zone.Name = zone.Name.Trim();
        zone.Zips = string.Join(", ", TravelZones.Entries(zone.Zips));
        if (zone.Id == Guid.Empty)
        {
            zone.Id = Guid.CreateVersion7();
            db.Add(zone);
        }
        else
        {
            db.Update(zone);
        }
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task DeleteZoneAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Set<TravelZone>().Where(z => z.Id == id).ExecuteDeleteAsync(ct);
    }
}
