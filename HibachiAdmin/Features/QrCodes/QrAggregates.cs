using System.Runtime.InteropServices;
using System.Text;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>The daily aggregate: which rows a set of scans adds to, and the upsert that adds them (same SQL on SQLite and PostgreSQL).</summary>
public static class QrAggregates
{
    public const string Total = "total";
    public const string Device = "device";
    public const string Os = "os";
    public const string Browser = "browser";
    public const string Country = "country";
    public const string City = "city";
    public const string Channel = "channel";

    public const string UnknownValue = "";

    public readonly record struct Key(Guid QrCodeId, DateOnly Day, string Dimension, string Value, bool IsBot);

    /// <summary>What decides a scan's aggregate rows: scans with the same profile add to the same seven rows.</summary>
    private readonly record struct Profile(Guid QrCodeId, DateOnly Day, bool IsBot, DeviceType Device, ScanChannel Channel, string Os, string Browser,
        string? Country, string? Region, string? City);

    public static Dictionary<Key, (long Scans, long NewVisitors)> Of(IEnumerable<QrScan> scans)
    {
        // Counted per profile first (a batch holds a handful), then spread over the dimensions: one lookup per scan instead of seven.
        var profiles = new Dictionary<Profile, (long Scans, long NewVisitors)>();
        foreach (var s in scans)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(profiles,
                new Profile(s.QrCodeId, DateOnly.FromDateTime(s.At), s.IsBot, s.Device, s.Channel, s.Os, s.Browser, s.Country, s.Region, s.City), out _);
            count = (count.Scans + 1, count.NewVisitors + (s.IsNewVisitor ? 1 : 0));
        }
        var rows = new Dictionary<Key, (long Scans, long NewVisitors)>();
        foreach (var (p, count) in profiles)
        {
            void Add(string dimension, string? value)
            {
                ref var row = ref CollectionsMarshal.GetValueRefOrAddDefault(rows, new Key(p.QrCodeId, p.Day, dimension, value ?? UnknownValue, p.IsBot), out _);
                row = (row.Scans + count.Scans, row.NewVisitors + count.NewVisitors);
            }
            Add(Total, UnknownValue);
            Add(Device, p.Device.ToString());
            Add(Os, p.Os);
            Add(Browser, p.Browser);
            Add(Country, p.Country);
            Add(City, p.City is null ? null : CityLabel(p.City, p.Region, p.Country));
            Add(Channel, p.Channel.ToString());
        }
        return rows;
    }

    /// <summary>"Miami, Florida, US" (at most 100 characters, the column's length).</summary>
    public static string CityLabel(string city, string? region, string? country)
    {
        var label = string.Join(", ", new[] { city, region, country }.Where(p => !string.IsNullOrEmpty(p)));
        return label[..Math.Min(label.Length, 100)];
    }

    public static async Task UpsertAsync(AppDbContext db, Dictionary<Key, (long Scans, long NewVisitors)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(400))
        {
            var sql = new StringBuilder("INSERT INTO \"QrScanDaily\" (\"QrCodeId\", \"Day\", \"Dimension\", \"Value\", \"IsBot\", \"Scans\", \"NewVisitors\") VALUES ");
            // Stryker disable once Arithmetic : the list's initial capacity, a size hint only
            var parameters = new List<object>(chunk.Length * 7);
            for (var i = 0; i < chunk.Length; i++)
            {
                var (key, count) = chunk[i];
                var p = parameters.Count;
                sql.Append(i == 0 ? "" : ", ").Append($"({{{p}}}, {{{p + 1}}}, {{{p + 2}}}, {{{p + 3}}}, {{{p + 4}}}, {{{p + 5}}}, {{{p + 6}}})");
                parameters.AddRange([key.QrCodeId, key.Day, key.Dimension, key.Value, key.IsBot, count.Scans, count.NewVisitors]);
            }
            sql.Append(" ON CONFLICT (\"QrCodeId\", \"Day\", \"Dimension\", \"Value\", \"IsBot\") DO UPDATE SET ")
                .Append("\"Scans\" = \"QrScanDaily\".\"Scans\" + excluded.\"Scans\", \"NewVisitors\" = \"QrScanDaily\".\"NewVisitors\" + excluded.\"NewVisitors\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
