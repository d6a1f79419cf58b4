using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings.Chefs;

/// <summary>The team of chefs (Admin > Team) and, for other features, who works which party (<see cref="IChefDirectory"/>).</summary>
public sealed partial class ChefService(IDbContextFactory<AppDbContext> dbFactory, Phones phones, Formats formats, TimeProvider time) : IChefDirectory
{
    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex ZipPattern();

    public async Task<IReadOnlyList<ChefSummary>> ListAsync(bool includeInactive, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chefs = await db.Set<Chef>().AsNoTracking().Include(c => c.DaysOff).Where(c => includeInactive || c.Active).ToListAsync(ct);
        return chefs.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase).Select(c => c.ToSummary()).ToList();
    }

    public async Task<ChefSummary?> GetAsync(Guid chefId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Set<Chef>().AsNoTracking().Include(c => c.DaysOff).FirstOrDefaultAsync(c => c.Id == chefId, ct))?.ToSummary();
    }

    /// <summary>The sign-in accounts a staff chef may be linked to, by email.</summary>
    public async Task<IReadOnlyList<UserAccount>> UserAccountsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => new UserAccount(u.Id, u.Email ?? u.UserName ?? u.Id)).ToListAsync(ct);
    }

    public async Task<ChefWriteResult> CreateAsync(ChefInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var chef = new Chef { CreatedAt = now };
        if (await ApplyAsync(db, chef, input, ct) is { } errors)
        {
            return new ChefWriteResult(null, errors);
        }
        db.Add(chef);
        await db.SaveChangesAsync(ct);
        return new ChefWriteResult(chef.ToSummary());
    }

    /// <summary>Replaces the chef's details. A new day off on which they already work a party is refused (409, naming the party).</summary>
    public async Task<ChefWriteResult> UpdateAsync(Guid id, ChefInput input, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chef = await db.Set<Chef>().Include(c => c.DaysOff).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (chef is null)
        {
            return new ChefWriteResult(null, NotFound: true);
        }
        var before = chef.DaysOff.Select(d => d.Day).ToHashSet();
        if (await ApplyAsync(db, chef, input, ct) is { } errors)
        {
            return new ChefWriteResult(null, errors);
        }
        var added = chef.DaysOff.Select(d => d.Day).Where(d => !before.Contains(d)).ToHashSet();
        if (added.Count > 0 && await PartyOnAsync(db, chef, added, ct) is { } clash)
        {
            return new ChefWriteResult(null, Conflict: clash);
        }
        // A new day off moves the stamp too: an assignment checked against the old days off cannot commit after it.
        chef.ScheduleStamp = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ChefWriteResult(null, Conflict: "This chef's schedule changed at the same moment; nothing was saved. Try again.");
        }
        return new ChefWriteResult(chef.ToSummary());
    }

    /// <summary>Validates <paramref name="input"/> and writes it onto <paramref name="chef"/>; field errors (camelCase) when invalid, and then nothing is written.</summary>
    private async Task<Dictionary<string, string[]>?> ApplyAsync(AppDbContext db, Chef chef, ChefInput input, CancellationToken ct)
    {
        var errors = Validation.Validate(input) ?? [];
        var name = input.Name?.Trim();
        if (!errors.ContainsKey("name") && string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = ["A name is required."];
        }
        var phone = errors.ContainsKey("phone") ? null : phones.ToE164(input.Phone);
        if (!errors.ContainsKey("phone") && phone is null)
        {
            errors["phone"] = ["Expected a valid phone number, e.g. (212) 555-0100."];
        }
        var zip = string.IsNullOrWhiteSpace(input.HomeZip) ? null : input.HomeZip.Trim();
        if (!errors.ContainsKey("homeZip") && zip is not null && !ZipPattern().IsMatch(zip))
        {
            errors["homeZip"] = ["Expected a US ZIP code: 5 digits, or ZIP+4."];
        }
        var userId = string.IsNullOrWhiteSpace(input.UserId) ? null : input.UserId.Trim();
        if (!errors.ContainsKey("userId") && userId is not null && !await db.Users.AnyAsync(u => u.Id == userId, ct))
        {
            errors["userId"] = ["No user account has this id."];
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        chef.Name = name!;
        chef.Phone = phone!;
        chef.HomeZip = zip;
        chef.Kind = input.Kind ?? (userId is null ? ChefKind.Contractor : ChefKind.Staff);
        chef.UserId = userId;
        chef.Active = input.Active ?? true;
        var wanted = (input.DaysOff ?? []).ToHashSet();
        chef.DaysOff.RemoveAll(d => !wanted.Contains(d.Day));
        foreach (var day in wanted.Where(d => chef.DaysOff.All(x => x.Day != d)).Order())
        {
            chef.DaysOff.Add(new ChefDayOff { ChefId = chef.Id, Day = day });
        }
        chef.UpdatedAt = time.GetUtcNow().UtcDateTime;
        return null;
    }

    /// <summary>The first live party of <paramref name="chef"/> touching one of <paramref name="days"/>, said as a reason; null when none.</summary>
    private async Task<string?> PartyOnAsync(AppDbContext db, Chef chef, IReadOnlySet<DateOnly> days, CancellationToken ct)
    {
        var (from, to) = (days.Min().AddDays(-1), days.Max());
        var parties = await db.Set<BookingRow>().AsNoTracking()
            .Where(r => r.ChefRows.Any(c => c.ChefId == chef.Id) && r.Status != BookingStatus.Cancelled && r.EventDate >= from && r.EventDate <= to)
            .Select(r => new { r.Id, r.EventDate, r.EventTime }).ToListAsync(ct);
        foreach (var party in parties.OrderBy(p => p.EventDate))
        {
            var start = PartyTimes.StartUtc(party.EventDate, party.EventTime, formats.Zone);
            if (PartyTimes.Days(start, start + PartyTimes.Length, formats.Zone).Where(days.Contains).ToList() is [var day, ..])
            {
                return $"{chef.Name} works a party on {Formats.LongDate(day)} (booking {party.Id}): take them off it before making that a day off.";
            }
        }
        return null;
    }

    public Task<IReadOnlyList<ChefParty>> PartiesForChefAsync(Guid chefId, DateOnly from, DateOnly to, CancellationToken ct) =>
        PartiesAsync(chefId, from, to, ct);

    public Task<IReadOnlyList<ChefParty>> AssignmentsBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) => PartiesAsync(null, from, to, ct);

    private async Task<IReadOnlyList<ChefParty>> PartiesAsync(Guid? chefId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<BookingRow>().AsNoTracking().Include(r => r.ChefRows).Where(r => r.EventDate >= from && r.EventDate <= to);
        query = chefId is { } id ? query.Where(r => r.ChefRows.Any(c => c.ChefId == id)) : query.Where(r => r.ChefRows.Any());
        var rows = await query.ToListAsync(ct);
        var zone = formats.Zone;
        return rows.SelectMany(r => r.ChefIds.Where(c => chefId is null || c == chefId).Select(c =>
            {
                var start = PartyTimes.StartUtc(r.EventDate, r.EventTime, zone);
                return new ChefParty(r.Id, c, r.EventDate, r.EventTime, start, start + PartyTimes.Length, r.Status, r.GuestCount, r.Address, r.Zip, r.ContactId, r.ChefIds);
            }))
            .OrderBy(p => p.StartUtc).ThenBy(p => p.BookingId).ToList();
    }
}
