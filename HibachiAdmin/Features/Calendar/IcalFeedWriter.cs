using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>
/// Writes a calendar feed (RFC 5545, with Ical.Net). Each party is one event whose UID is its booking's id, so an edit
/// updates the same event in Google or Apple Calendar; SEQUENCE is the booking's version (it grows with every change); a
/// cancelled party stays, with STATUS:CANCELLED, so subscribers remove it. Times are the business's wall-clock times with
/// a TZID and its VTIMEZONE; a party without a start time is an all-day event on its day.
/// </summary>
public static class IcalFeedWriter
{
    /// <summary>How long a party is assumed to last (the booking saga's own assumption).</summary>
    public static readonly TimeSpan PartyLength = TimeSpan.FromHours(3);

    public const string UidDomain = "hibachi-admin";

    public static string Uid(Guid bookingId) => $"{bookingId:D}@{UidDomain}";

    public static string Write(IReadOnlyList<FeedEvent> events, TimeZoneInfo zone, string calendarName, string baseUrl, bool businessWide)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//HibachiAdmin//Calendar feed//EN" };
        calendar.Method = "PUBLISH";
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", zone.Id);
        // Subscribers re-read the feed about hourly (Google decides for itself; Apple and Outlook honour these).
        calendar.AddProperty("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        calendar.AddTimeZone(zone.Id);
        foreach (var e in events)
        {
            calendar.Events.Add(Event(e, zone.Id, baseUrl.TrimEnd('/'), businessWide));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent Event(FeedEvent e, string tzId, string baseUrl, bool businessWide)
    {
        var p = e.Party;
        string? Clean(string? text) => businessWide ? FeedText.WithoutPhones(text) : text;
        var name = Clean(e.CustomerName) ?? "Customer";
        var sheet = $"{baseUrl}/bookings/{p.Id:D}/sheet";
        var description = new List<string> { $"{p.GuestCount} guests", $"State: {PartyStates.Of(p).Label()}" };
        if (Clean(p.Package) is { Length: > 0 } package)
        {
            description.Add($"Package: {package}");
        }
        if (e.Chefs.Count > 0)
        {
            description.Add($"Chefs: {string.Join(", ", e.Chefs)}");
        }
        if (!businessWide && e.Phone is { } phone)
        {
            description.Add($"Customer's phone: {phone}");
        }
        description.Add($"Event sheet: {sheet}");
        var ev = new CalendarEvent
        {
            Uid = Uid(p.Id),
            Sequence = p.Version,
            Summary = $"{(p.Status == BookingStatus.Cancelled ? "Cancelled: " : "")}Hibachi party · {name} · {p.GuestCount} guests",
            Location = Clean(string.Join(", ", new[] { p.Address, p.Zip }.Where(s => !string.IsNullOrWhiteSpace(s)))) is { Length: > 0 } where ? where : null,
            Description = string.Join("\n", description),
            Url = new Uri(sheet),
            Status = p.Status switch
            {
                BookingStatus.Cancelled => EventStatus.Cancelled,
                BookingStatus.Requested => EventStatus.Tentative,
                _ => EventStatus.Confirmed,
            },
            DtStamp = new CalDateTime(DateTime.SpecifyKind(p.UpdatedAt, DateTimeKind.Utc)),
            LastModified = new CalDateTime(DateTime.SpecifyKind(p.UpdatedAt, DateTimeKind.Utc)),
            Created = new CalDateTime(DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc)),
        };
        if (p.EventTime is { } start)
        {
            var local = p.EventDate.ToDateTime(start);
            ev.DtStart = new CalDateTime(local, tzId);
            ev.DtEnd = new CalDateTime(local + PartyLength, tzId);
        }
        else
        {
            ev.DtStart = new CalDateTime(p.EventDate);
            ev.DtEnd = new CalDateTime(p.EventDate.AddDays(1));
        }
        return ev;
    }
}
