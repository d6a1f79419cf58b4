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

    public static Dictionary<Key, (long Scans, long NewVisitors)> Of(IEnumerable<QrScan> scans)
    {
        var rows = new Dictionary<Key, (long Scans, long NewVisitors)>();
        foreach (var s in scans)
        {
            var day = DateOnly.FromDateTime(s.At);
            void Add(string dimension, string? value)
            {
                var key = new Key(s.QrCodeId, day, dimension, value ?? UnknownValue, s.IsBot);
                rows.TryGetValue(key, out var count);
                rows[key] = (count.Scans + 1, count.NewVisitors + (s.IsNewVisitor ? 1 : 0));
            }
            Add(Total, UnknownValue);
            Add(Device, s.Device.ToString());
            Add(Os, s.Os);
            Add(Browser, s.Browser);
            Add(Country, s.Country);
            Add(City, s.City is null ? null : CityLabel(s.City, s.Region, s.Country));
            Add(Channel, s.Channel.ToString());
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
