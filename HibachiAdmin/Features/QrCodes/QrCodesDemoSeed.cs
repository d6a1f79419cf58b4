using System.Net;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// Demo QR codes (a Hoboken venue's table set, flyer, business card, truck, an event) with 30 days of scans from around New York.
/// The leads they brought are the Leads seed's (it runs next and names the code), and so are their bookings and money.
/// </summary>
public sealed class QrCodesDemoSeed : IDemoSeedContributor
{
    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 334.0.4.32.98 (iPhone15,2; iOS 17_5; en_US; en; scale=3.00; 1179x2556; 606079209)",
        "Mozilla/5.0 (Linux; Android 14; SM-S918U) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.122 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    ];

    /// <summary>Where a New York caterer's customers scan from: the five boroughs, Long Island, Westchester and north Jersey.</summary>
    public static readonly (string City, string Region, double Lat, double Lon)[] Cities =
    [
        ("New York", "New York", 40.7128, -74.006), ("Brooklyn", "New York", 40.6782, -73.9442), ("Astoria", "New York", 40.7644, -73.9235),
        ("Staten Island", "New York", 40.5795, -74.1502), ("Yonkers", "New York", 40.9312, -73.8988), ("White Plains", "New York", 41.034, -73.7629),
        ("Garden City", "New York", 40.7268, -73.6343), ("Huntington", "New York", 40.8682, -73.4257), ("Hoboken", "New Jersey", 40.744, -74.0324),
        ("Jersey City", "New Jersey", 40.7178, -74.0431), ("Newark", "New Jersey", 40.7357, -74.1724), ("Hackensack", "New Jersey", 40.8859, -74.0435),
    ];

    /// <summary>Before Leads: the story's QR-sourced leads name the code their customer scanned.</summary>
    public int Order => 15;

    public async Task<bool> HasDataAsync(AppDbContext db, CancellationToken ct) => await db.Set<QrCode>().AnyAsync(ct);

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var r = context.Random;
        var now = context.UtcNow;
        var codes = new List<QrCode>();
        QrCode Code(string name, QrCodeType type, string? url, string? venue = null, int? table = null, DateOnly? eventDate = null, string? campaign = null)
        {
            var utm = QrLinks.DefaultUtm(type, campaign, venue, table);
            var code = new QrCode
            {
                Slug = QrSlugs.New(), Name = name, Type = type, DestinationUrl = url, UsesInquiryForm = url is null, Venue = venue, TableNumber = table, EventDate = eventDate,
                Campaign = campaign, UtmSource = utm.Source, UtmMedium = utm.Medium, UtmCampaign = utm.Campaign, UtmContent = utm.Content,
                CreatedAt = now.AddDays(-45), UpdatedAt = now.AddDays(-45), WithLogo = type == QrCodeType.Table, ErrorCorrection = type == QrCodeType.Table ? QrErrorCorrection.H : QrErrorCorrection.M,
            };
            codes.Add(code);
            return code;
        }
        for (var t = 1; t <= 12; t++)
        {
            Code($"Harbor Hall table {t}", QrCodeType.Table, null, "Harbor Hall", t);
        }
        Code("Spring flyer", QrCodeType.Flyer, "https://hibachi.example/menu", campaign: "Spring 2027");
        Code("Owner's business card", QrCodeType.BusinessCard, "https://hibachi.example/");
        Code("Food truck wrap", QrCodeType.Vehicle, "https://hibachi.example/book");
        Code("Rivera wedding", QrCodeType.Event, null, "The Garden City Hotel", eventDate: DateOnly.FromDateTime(now).AddDays(-10));
        var retired = Code("Winter menu (retired)", QrCodeType.Menu, "https://hibachi.example/winter");
        retired.IsActive = false;
        db.AddRange(codes);

        var scans = new List<QrScan>();
        var visitors = Enumerable.Range(0, 700).Select(_ => new Guid(Bytes(r))).ToList();
        var seen = new HashSet<(Guid, Guid)>();
        for (var i = 0; i < 1800; i++)
        {
            var code = codes[Math.Min(codes.Count - 1, (int)Math.Floor(Math.Pow(r.NextDouble(), 1.6) * codes.Count))];
            var visitor = visitors[r.Next(visitors.Count)];
            var ua = UserAgents[r.Next(UserAgents.Length)];
            var info = UserAgentClassifier.Classify(ua);
            var place = Cities[r.Next(Cities.Length)];
            scans.Add(new QrScan
            {
                QrCodeId = code.Id, At = now.AddDays(-r.Next(0, 30)).AddMinutes(-r.Next(0, 1440)), Channel = r.Next(8) == 0 ? ScanChannel.Link : ScanChannel.Printed,
                AnonymizedIp = IpAnonymizer.Anonymize(new IPAddress([(byte)r.Next(24, 200), (byte)r.Next(256), (byte)r.Next(256), (byte)r.Next(256)])),
                VisitorId = visitor, IsNewVisitor = seen.Add((code.Id, visitor)), UserAgent = ua, Device = info.Device, Os = info.Os, Browser = info.Browser, IsBot = info.IsBot,
                Country = "US", Region = place.Region, City = place.City, Latitude = place.Lat, Longitude = place.Lon,
            });
        }
        db.AddRange(scans);
        foreach (var (key, count) in QrAggregates.Of(scans))
        {
            db.Add(new QrScanDaily { QrCodeId = key.QrCodeId, Day = key.Day, Dimension = key.Dimension, Value = key.Value, IsBot = key.IsBot, Scans = count.Scans, NewVisitors = count.NewVisitors });
        }

        context.Items[LeadsDemoData.QrCodesKey] = new DemoQrCodes([.. codes.Select(c => c.Id)], codes[0].Id, codes[12].Id);
        return Task.CompletedTask;
    }

    private static byte[] Bytes(Random r)
    {
        var bytes = new byte[16];
        r.NextBytes(bytes);
        return bytes;
    }
}
