using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

public sealed class QrAnalyticsService(IDbContextFactory<AppDbContext> dbFactory, QrCodeService codes, ILeadService leads, IBookingService bookings)
{
    public const int MaxDays = 400;

    public async Task<QrAnalytics> GetAsync(DateOnly from, DateOnly to, Guid? qrCodeId, bool includeBots, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<QrScanDaily>().AsNoTracking().Where(d => d.Day >= from && d.Day <= to);
        if (qrCodeId is { } id)
        {
            rows = rows.Where(d => d.QrCodeId == id);
        }
        var grouped = await rows.GroupBy(d => new { d.Dimension, d.Value, d.IsBot })
            .Select(g => new { g.Key.Dimension, g.Key.Value, g.Key.IsBot, Scans = g.Sum(d => d.Scans), New = g.Sum(d => d.NewVisitors) }).ToListAsync(ct);
        var days = await rows.Where(d => d.Dimension == QrAggregates.Total && (includeBots || !d.IsBot)).GroupBy(d => d.Day)
            .Select(g => new { Day = g.Key, Scans = g.Sum(d => d.Scans), New = g.Sum(d => d.NewVisitors) }).ToListAsync(ct);
        var perCode = await rows.Where(d => d.Dimension == QrAggregates.Total && (includeBots || !d.IsBot)).GroupBy(d => d.QrCodeId)
            .Select(g => new { QrCodeId = g.Key, Scans = g.Sum(d => d.Scans), New = g.Sum(d => d.NewVisitors) }).ToListAsync(ct);

        IReadOnlyList<NamedCount> Breakdown(string dimension) => grouped
            .Where(g => g.Dimension == dimension && (includeBots || !g.IsBot))
            .GroupBy(g => g.Value.Length == 0 ? "Unknown" : g.Value)
            .Select(g => new NamedCount(g.Key, g.Sum(x => x.Scans), g.Sum(x => x.New)))
            .OrderByDescending(n => n.Scans).ThenBy(n => n.Name, StringComparer.Ordinal).ToList();

        var totals = grouped.Where(g => g.Dimension == QrAggregates.Total).ToList();
        var byDay = new List<DayCount>();
        var dayMap = days.ToDictionary(d => d.Day);
        for (var day = from; day <= to && byDay.Count <= MaxDays; day = day.AddDays(1))
        {
            byDay.Add(dayMap.TryGetValue(day, out var d) ? new DayCount(day, d.Scans, d.New) : new DayCount(day, 0, 0));
        }
        var placements = await PlacementsAsync(from, to, qrCodeId, perCode.ToDictionary(p => p.QrCodeId, p => (p.Scans, p.New)), ct);
        return new QrAnalytics(from, to, qrCodeId, includeBots,
            totals.Where(t => includeBots || !t.IsBot).Sum(t => t.Scans), totals.Where(t => includeBots || !t.IsBot).Sum(t => t.New), totals.Where(t => t.IsBot).Sum(t => t.Scans),
            byDay, Breakdown(QrAggregates.Device), Breakdown(QrAggregates.Os), Breakdown(QrAggregates.Browser), Breakdown(QrAggregates.Country),
            Breakdown(QrAggregates.City), Breakdown(QrAggregates.Channel), placements);
    }

    /// <summary>
    /// Leads attributed to a code (its inquiry form, the lead's own QR link, or an earlier scan by the
    /// same visitor cookie) created in the range; a lead's bookings are its contact's bookings requested
    /// after the lead was made; revenue counts confirmed and completed ones, collected the money those bookings kept (Bookings' own
    /// figure: payments net of refunds plus deposits recorded by hand).
    /// </summary>
    private async Task<IReadOnlyList<PlacementRow>> PlacementsAsync(DateOnly from, DateOnly to, Guid? qrCodeId, Dictionary<Guid, (long Scans, long New)> scans, CancellationToken ct)
    {
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var linkQuery = db.Set<QrLeadLink>().AsNoTracking().Where(l => l.At >= fromUtc && l.At < toUtc);
        var codeQuery = db.Set<QrCode>().AsNoTracking();
        if (qrCodeId is { } id)
        {
            linkQuery = linkQuery.Where(l => l.QrCodeId == id);
            codeQuery = codeQuery.Where(c => c.Id == id);
        }
        var links = await linkQuery.Select(l => new { l.QrCodeId, l.LeadId }).ToListAsync(ct);
        var allCodes = await codeQuery.Select(c => new { c.Id, c.Name, c.Slug, c.Type, c.Venue, c.TableNumber, c.EventDate }).ToListAsync(ct);
        var attributed = await leads.ForQrCodesAsync(allCodes.Select(c => c.Id).ToList(), links.Select(l => l.LeadId).ToList(), ct);
        var leadById = attributed.Where(l => l.CreatedAt >= fromUtc && l.CreatedAt < toUtc).ToDictionary(l => l.Id);
        var pairs = links.Select(l => (l.QrCodeId, l.LeadId))
            .Concat(leadById.Values.Where(l => l.QrCodeId is not null).Select(l => (QrCodeId: l.QrCodeId!.Value, LeadId: l.Id)))
            .Where(p => leadById.ContainsKey(p.LeadId)).Distinct().ToList();
        var contactIds = leadById.Values.Select(l => l.ContactId).Distinct().ToList();
        var contactBookings = contactIds.Count == 0 ? [] : await bookings.ForContactsAsync(contactIds, fromUtc.AddDays(-1), DateTime.MaxValue.AddDays(-1), ct);
        var bookingsByContact = contactBookings.Where(b => b.Status != BookingStatus.Cancelled).ToLookup(b => b.ContactId);

        var rows = new List<PlacementRow>();
        foreach (var code in allCodes)
        {
            scans.TryGetValue(code.Id, out var s);
            var codeLeads = pairs.Where(p => p.QrCodeId == code.Id).Select(p => leadById[p.LeadId]).ToList();
            var codeBookings = codeLeads.SelectMany(l => bookingsByContact[l.ContactId].Where(b => b.RequestedAt >= l.CreatedAt.AddHours(-1)))
                .DistinctBy(b => b.Id).ToList();
            if (s.Scans == 0 && codeLeads.Count == 0)
            {
                continue;
            }
            rows.Add(new PlacementRow(code.Id, code.Name, code.Slug, code.Type, PlacementLabel(code.Venue, code.TableNumber, code.EventDate), s.Scans, s.New,
                codeLeads.Count, codeBookings.Count, codeBookings.Where(b => b.Status is BookingStatus.Confirmed or BookingStatus.Completed).Sum(b => b.Total),
                codeBookings.Sum(b => b.Collected)));
        }
        return rows.OrderByDescending(r => r.Revenue).ThenByDescending(r => r.Bookings).ThenByDescending(r => r.Leads).ThenByDescending(r => r.Scans)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public static string PlacementLabel(string? venue, int? table, DateOnly? eventDate)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(venue))
        {
            parts.Add(venue);
        }
        if (table is { } t)
        {
            parts.Add($"table {t}");
        }
        if (eventDate is { } d)
        {
            parts.Add(d.ToString("MMM d, yyyy", Formats.Culture));
        }
        return parts.Count == 0 ? "—" : string.Join(" · ", parts);
    }

    public async Task<PagedResult<ScanDto>> ScansAsync(Guid? qrCodeId, bool includeBots, int page, int pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Scans(db, qrCodeId, includeBots);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Skip(paging.Skip).Take(paging.Take).Select(ToDto).ToListAsync(ct);
        return new PagedResult<ScanDto>(items, total);
    }

    private static IQueryable<QrScan> Scans(AppDbContext db, Guid? qrCodeId, bool includeBots)
    {
        var query = db.Set<QrScan>().AsNoTracking();
        if (qrCodeId is { } id)
        {
            query = query.Where(s => s.QrCodeId == id);
        }
        return includeBots ? query : query.Where(s => !s.IsBot);
    }

    private static readonly System.Linq.Expressions.Expression<Func<QrScan, ScanDto>> ToDto = s => new ScanDto(s.Id, s.QrCodeId, s.At, s.Channel, s.Device, s.Os, s.Browser, s.IsBot,
        s.IsNewVisitor, s.Country, s.Region, s.City, s.Latitude, s.Longitude, s.Referer, s.AnonymizedIp);

    public const string CsvHeader = "scannedAtUtc,code,slug,channel,device,os,browser,bot,newVisitor,country,region,city,latitude,longitude,referer,network";

    /// <summary>Every scan as CSV lines (header first), streamed in pages of 2,000 so the export never holds every row in memory.</summary>
    public async IAsyncEnumerable<string> ExportCsvAsync(Guid? qrCodeId, bool includeBots, [EnumeratorCancellation] CancellationToken ct)
    {
        yield return CsvHeader;
        var names = new Dictionary<Guid, (string Name, string Slug)>();
        var offset = 0;
        while (true)
        {
            List<ScanDto> page;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                page = await Scans(db, qrCodeId, includeBots).OrderByDescending(s => s.At).ThenByDescending(s => s.Id).Skip(offset).Take(2000).Select(ToDto).ToListAsync(ct);
            }
            if (page.Count == 0)
            {
                yield break;
            }
            var missing = page.Select(s => s.QrCodeId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
            if (missing.Count > 0)
            {
                foreach (var (id, code) in await codes.GetManyAsync(missing, ct))
                {
                    names[id] = (code.Name, code.Slug);
                }
            }
            foreach (var s in page)
            {
                var (name, slug) = names.GetValueOrDefault(s.QrCodeId, ("", ""));
                yield return string.Join(',', new[]
                {
                    s.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Csv(name), Csv(slug), Csv(s.Channel.ToString()), Csv(s.Device.ToString()), Csv(s.Os),
                    Csv(s.Browser), s.IsBot ? "true" : "false", s.IsNewVisitor ? "true" : "false", Csv(s.Country), Csv(s.Region), Csv(s.City),
                    s.Latitude?.ToString(CultureInfo.InvariantCulture) ?? "", s.Longitude?.ToString(CultureInfo.InvariantCulture) ?? "", Csv(s.Referer), Csv(s.AnonymizedIp),
                });
            }
            offset += page.Count;
        }
    }

    /// <summary>RFC 4180 quoting, and a leading =, +, -, @ neutralised so a spreadsheet never runs a cell as a formula.</summary>
    public static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        value = CsvCells.Neutralize(value)!;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    public static byte[] Utf8(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            sb.Append(line).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
