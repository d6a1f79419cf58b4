using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Campaigns.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// The QR feature's service: codes (create, edit, table sets) and the redirect's cached lookup. The
/// cache is per instance; an edit here removes the slug at once, other instances see it within
/// <see cref="PositiveLifetime"/>.
/// </summary>
public sealed class QrCodeService(IDbContextFactory<AppDbContext> dbFactory, ICampaignSummaries campaigns, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan PositiveLifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan NegativeLifetime = TimeSpan.FromSeconds(30);

    private static readonly QrTarget Missing = new(Guid.Empty, "", null, false, "", "", null, null, false, null, null);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public static QrTarget TargetOf(QrCode c) =>
        new(c.Id, c.Slug, c.DestinationUrl, c.UsesInquiryForm, c.UtmSource, c.UtmMedium, c.UtmCampaign, c.UtmContent, c.IsActive, c.ValidFrom, c.ValidUntil);

    /// <summary>The redirect's lookup. <paramref name="slug"/> must already be normalised (<see cref="QrSlugs.Normalize"/>).</summary>
    public async ValueTask<QrTarget?> FindTargetAsync(string slug, CancellationToken ct)
    {
        if (_cache.TryGetValue(slug, out QrTarget? cached))
        {
            return ReferenceEquals(cached, Missing) ? null : cached;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<QrCode>().AsNoTracking().Where(c => c.Slug == slug).FirstOrDefaultAsync(ct);
        var target = code is null ? null : TargetOf(code);
        _cache.Set(slug, target ?? Missing, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = target is null ? NegativeLifetime : PositiveLifetime });
        return target;
    }

    public void Invalidate(string slug) => _cache.Remove(slug);

    /// <summary>Drops from the cache every code changed after <paramref name="sinceUtc"/> (by any instance); the newest change seen, or null.</summary>
    public async Task<DateTime?> InvalidateChangedSinceAsync(DateTime sinceUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changed = await db.Set<QrCode>().AsNoTracking().Where(c => c.UpdatedAt > sinceUtc).Select(c => new { c.Slug, c.UpdatedAt }).ToListAsync(ct);
        foreach (var code in changed)
        {
            Invalidate(code.Slug);
        }
        return changed.Count == 0 ? null : changed.Max(c => c.UpdatedAt);
    }

    public async Task<QrCode?> GetAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<QrCode>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    public async Task<QrCode?> GetBySlugAsync(string slug, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<QrCode>().AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, QrCode>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = new Dictionary<Guid, QrCode>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            foreach (var c in await db.Set<QrCode>().AsNoTracking().Where(c => chunk.Contains(c.Id)).ToListAsync(ct))
            {
                result[c.Id] = c;
            }
        }
        return result;
    }

    /// <summary>Codes, newest first; <paramref name="search"/> matches name, slug or venue.</summary>
    public async Task<PagedResult<QrCode>> ListAsync(string? search, int page, int pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<QrCode>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim().ToLowerInvariant();
            query = query.Where(c => c.Name.ToLower().Contains(s) || c.Slug.Contains(s) || (c.Venue != null && c.Venue.ToLower().Contains(s)));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Venue).ThenBy(c => c.TableNumber).Skip(paging.Skip).Take(paging.Take).ToListAsync(ct);
        return new PagedResult<QrCode>(items, total);
    }

    public async Task<IReadOnlyList<string>> VenuesAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<QrCode>().AsNoTracking().Where(c => c.Venue != null).Select(c => c.Venue!).Distinct().OrderBy(v => v).ToListAsync(ct);
    }

    /// <summary>The codes of one venue's tables, by table number (print sheet).</summary>
    public async Task<IReadOnlyList<QrCode>> TableSetAsync(string venue, int? from, int? to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Set<QrCode>().AsNoTracking().Where(c => c.Venue == venue);
        if (from is { } f)
        {
            query = query.Where(c => c.TableNumber >= f);
        }
        if (to is { } t)
        {
            query = query.Where(c => c.TableNumber <= t);
        }
        return await query.OrderBy(c => c.TableNumber).ThenBy(c => c.Name).ToListAsync(ct);
    }

    public async Task<QrWriteResult> CreateAsync(QrCodeInput input, CancellationToken ct)
    {
        var (normalized, errors) = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new QrWriteResult(null, errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = new QrCode { CreatedAt = now };
        Apply(code, normalized, now);
        for (var attempt = 0; ; attempt++)
        {
            code.Slug = QrSlugs.New();
            if (!await db.Set<QrCode>().AnyAsync(c => c.Slug == code.Slug, ct) || attempt >= 5)
            {
                break;
            }
        }
        db.Add(code);
        await db.SaveChangesAsync(ct);
        Invalidate(code.Slug);
        return new QrWriteResult(code);
    }

    /// <summary>One code per table <paramref name="from"/>–<paramref name="to"/> of a venue ("Harbor Hall table 7"), same destination and look.</summary>
    public async Task<(IReadOnlyList<QrCode> Codes, Dictionary<string, string[]>? Errors)> CreateTableSetAsync(QrCodeInput template, int from, int to, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(template.Venue))
        {
            return ([], Validation.Error("venue", "A table set needs a venue."));
        }
        if (from < 1 || to > QrCode.MaxTableNumber || from > to || to - from >= 200)
        {
            return ([], Validation.Error("to", $"Expected tables from 1 to {QrCode.MaxTableNumber}, first ≤ last, at most 200 at once."));
        }
        var codes = new List<QrCode>();
        for (var table = from; table <= to; table++)
        {
            var result = await CreateAsync(template with { Type = QrCodeType.Table, TableNumber = table, Name = $"{template.Venue!.Trim()} table {table}", UtmContent = null }, ct);
            if (result.Errors is not null)
            {
                return (codes, result.Errors);
            }
            codes.Add(result.Code!);
        }
        return (codes, null);
    }

    public async Task<QrWriteResult> UpdateAsync(Guid id, QrCodeInput input, CancellationToken ct)
    {
        var (normalized, errors) = await ValidateAsync(input, ct);
        if (errors.Count > 0)
        {
            return new QrWriteResult(null, errors);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<QrCode>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (code is null)
        {
            return new QrWriteResult(null, NotFound: true);
        }
        Apply(code, normalized, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        Invalidate(code.Slug);
        return new QrWriteResult(code);
    }

    public async Task<bool> SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = await db.Set<QrCode>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (code is null)
        {
            return false;
        }
        code.IsActive = active;
        code.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        Invalidate(code.Slug);
        return true;
    }

    private static void Apply(QrCode code, QrCodeInput input, DateTime now)
    {
        code.Name = input.Name;
        code.Type = input.Type;
        code.DestinationUrl = input.UsesInquiryForm ? null : input.DestinationUrl;
        code.UsesInquiryForm = input.UsesInquiryForm;
        code.Venue = input.Venue;
        code.TableNumber = input.TableNumber;
        code.EventDate = input.EventDate;
        code.CampaignId = input.CampaignId;
        code.Campaign = input.Campaign;
        code.UtmSource = input.UtmSource!;
        code.UtmMedium = input.UtmMedium!;
        code.UtmCampaign = input.UtmCampaign;
        code.UtmContent = input.UtmContent;
        code.IsActive = input.IsActive;
        code.ValidFrom = input.ValidFrom;
        code.ValidUntil = input.ValidUntil;
        code.ForegroundColor = input.ForegroundColor.ToUpperInvariant();
        code.BackgroundColor = input.BackgroundColor.ToUpperInvariant();
        code.WithLogo = input.WithLogo;
        code.ErrorCorrection = input.ErrorCorrection;
        code.UpdatedAt = now;
    }

    /// <summary>Field errors (camelCase JSON names) and the input with trimmed text and UTM defaults filled in.</summary>
    public async Task<(QrCodeInput Input, Dictionary<string, string[]> Errors)> ValidateAsync(QrCodeInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = ["This value is required."];
        }
        Validation.MaxLength(errors, "name", name, QrCode.MaxName);
        var destination = string.IsNullOrWhiteSpace(input.DestinationUrl) ? null : input.DestinationUrl.Trim();
        if (input.UsesInquiryForm)
        {
            if (destination is not null)
            {
                errors["destinationUrl"] = ["Leave the URL empty when the code opens the inquiry form."];
            }
        }
        else if (QrLinks.DestinationError(destination) is { } destinationError)
        {
            errors["destinationUrl"] = [destinationError];
        }
        if (!Enum.IsDefined(input.Type))
        {
            errors["type"] = [StrictEnum.Expected(typeof(QrCodeType))];
        }
        if (!Enum.IsDefined(input.ErrorCorrection))
        {
            errors["errorCorrection"] = [StrictEnum.Expected(typeof(QrErrorCorrection))];
        }
        var venue = string.IsNullOrWhiteSpace(input.Venue) ? null : input.Venue.Trim();
        Validation.MaxLength(errors, "venue", venue, QrCode.MaxVenue);
        if (input.TableNumber is < 1 or > QrCode.MaxTableNumber)
        {
            errors["tableNumber"] = [$"Expected a value from 1 to {QrCode.MaxTableNumber}."];
        }
        var campaign = string.IsNullOrWhiteSpace(input.Campaign) ? null : input.Campaign.Trim();
        Validation.MaxLength(errors, "campaign", campaign, QrCode.MaxCampaign);
        if (input.CampaignId is { } campaignId)
        {
            var summary = await campaigns.GetSummaryAsync(campaignId, ct);
            if (summary is null)
            {
                errors["campaignId"] = ["No campaign has this id."];
            }
            else
            {
                campaign ??= summary.Name.Length > QrCode.MaxCampaign ? summary.Name[..QrCode.MaxCampaign] : summary.Name;
            }
        }
        foreach (var (field, value) in new[] { ("utmSource", input.UtmSource), ("utmMedium", input.UtmMedium), ("utmCampaign", input.UtmCampaign), ("utmContent", input.UtmContent) })
        {
            Validation.MaxLength(errors, field, value?.Trim(), QrCode.MaxUtm);
        }
        if (!QrImages.IsColor(input.ForegroundColor))
        {
            errors["foregroundColor"] = ["Expected a colour as #RRGGBB."];
        }
        if (!QrImages.IsColor(input.BackgroundColor))
        {
            errors["backgroundColor"] = ["Expected a colour as #RRGGBB."];
        }
        if (input.ValidFrom is { } from && input.ValidUntil is { } until && until <= from)
        {
            errors["validUntil"] = ["Expected a time after validFrom."];
        }
        var defaults = QrLinks.DefaultUtm(input.Type, campaign, venue, input.TableNumber);
        static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var normalized = input with
        {
            Name = name,
            // Stored as it is sent: in ASCII (an IDN host in punycode, other text percent-encoded).
            DestinationUrl = destination is null || errors.ContainsKey("destinationUrl") ? destination : QrDestinations.ToAscii(destination),
            Venue = venue,
            Campaign = campaign,
            UtmSource = Text(input.UtmSource) ?? defaults.Source,
            UtmMedium = Text(input.UtmMedium) ?? defaults.Medium,
            UtmCampaign = Text(input.UtmCampaign) ?? defaults.Campaign,
            UtmContent = Text(input.UtmContent) ?? defaults.Content,
            ValidFrom = input.ValidFrom?.ToUniversalTime(),
            ValidUntil = input.ValidUntil?.ToUniversalTime(),
        };
        return (normalized, errors);
    }

    public void Dispose() => _cache.Dispose();
}
