using System.Net;
using CsCheck;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Chefs;
using HibachiAdmin.Features.Calendar;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>
/// <c>GET /ical/{token}.ics</c> read back the way a calendar app reads it (Ical.Net): the business's time zone with its
/// VTIMEZONE, each party at its own wall-clock time across the DST changes, one stable UID per booking whose SEQUENCE
/// grows with every edit, cancelled parties kept as STATUS:CANCELLED, no customer phone in the business feed, and a
/// revoked, replaced, unknown or malformed token answered 404, never a 5xx.
/// </summary>
public sealed class CalendarFeedTests(CalendarFeedTests.FeedApp fixture) : IClassFixture<CalendarFeedTests.FeedApp>
{
    /// <summary>The frozen app with the feed's per-address limit raised: these tests read feeds many times from one address.</summary>
    public sealed class FeedApp : IAsyncLifetime
    {
        public AppFactory App { get; } = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false").With("RateLimits:CalendarFeedPerMinute", "100000");

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private AppFactory App => fixture.App;
    private CalendarFeedService Feeds => App.Services.GetRequiredService<CalendarFeedService>();
    private BookingService Bookings => App.Services.GetRequiredService<BookingService>();

    private async Task<string> BusinessTokenAsync() => await Feeds.IssueAsync(CalendarFeedKind.Business, null, Actor.System, default);

    private async Task<(HttpResponseMessage Response, string Text)> GetAsync(string token)
    {
        var response = await App.CreateClient().GetAsync($"/ical/{Uri.EscapeDataString(token)}.ics");
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<IcalCalendar> FeedAsync(string token)
    {
        var (response, text) = await GetAsync(token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return IcalCalendar.Load(text)!;
    }

    private static CalendarEvent Event(IcalCalendar calendar, Guid bookingId) => Assert.Single(calendar.Events, e => e.Uid == IcalFeedWriter.Uid(bookingId));

    [Fact]
    public async Task The_feed_carries_the_business_time_zone_and_each_party_at_its_local_time_across_both_DST_changes()
    {
        var (customer, _) = await App.CustomerAsync("Grace Hall");
        var spring = await App.PartyAsync(customer, new DateOnly(2027, 3, 14), new TimeOnly(23, 30));
        var fall = await App.PartyAsync(customer, new DateOnly(2027, 11, 7), new TimeOnly(23, 30));
        var untimed = await App.PartyAsync(customer, new DateOnly(2027, 1, 9), null);

        var calendar = await FeedAsync(await BusinessTokenAsync());

        Assert.Contains(calendar.TimeZones, z => z.TzId == "America/New_York");
        var s = Event(calendar, spring.Id);
        Assert.Equal("America/New_York", s.DtStart!.TzId);
        Assert.Equal(new DateTime(2027, 3, 15, 3, 30, 0, DateTimeKind.Utc), s.DtStart.AsUtc); // EDT, UTC-4
        Assert.Equal(new DateTime(2027, 3, 15, 6, 30, 0, DateTimeKind.Utc), s.DtEnd!.AsUtc);
        var f = Event(calendar, fall.Id);
        Assert.Equal(new DateTime(2027, 11, 8, 4, 30, 0, DateTimeKind.Utc), f.DtStart!.AsUtc); // EST, UTC-5
        var u = Event(calendar, untimed.Id);
        Assert.False(u.DtStart!.HasTime); // no start time yet: an all-day event on its day
        Assert.Equal(new DateOnly(2027, 1, 9), DateOnly.FromDateTime(u.DtStart.Value));
        Assert.Equal("12 Harbor Rd, Stamford, CT, 06902", s.Location);
        Assert.Equal(new Uri($"http://localhost/bookings/{spring.Id}/sheet"), s.Url);
        Assert.Contains($"/bookings/{spring.Id}/sheet", s.Description);
        Assert.Equal("TENTATIVE", s.Status);
    }

    [Fact]
    public async Task A_party_keeps_its_UID_through_edits_with_a_growing_SEQUENCE_and_stays_in_the_feed_cancelled()
    {
        var (customer, _) = await App.CustomerAsync("Owen Diaz");
        var party = await App.PartyAsync(customer, new DateOnly(2027, 2, 13), new TimeOnly(18, 0));
        var token = await BusinessTokenAsync();
        var before = Event(await FeedAsync(token), party.Id);

        await Bookings.ConfirmAsync(party.Id, Actor.System, default);
        await Bookings.RescheduleAsync(party.Id, new DateOnly(2027, 2, 14), new TimeOnly(19, 0), Actor.System, default);
        var moved = Event(await FeedAsync(token), party.Id);
        Assert.True(moved.Sequence > before.Sequence, $"SEQUENCE {before.Sequence} → {moved.Sequence}");
        Assert.Equal(new DateTime(2027, 2, 15, 0, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);
        Assert.Equal("CONFIRMED", moved.Status);

        await Bookings.CancelAsync(party.Id, "Family emergency", null, Actor.System, default);
        var cancelled = Event(await FeedAsync(token), party.Id);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.True(cancelled.Sequence > moved.Sequence);
        Assert.StartsWith("Cancelled:", cancelled.Summary);
    }

    [Fact]
    public async Task The_business_feed_never_carries_a_customers_phone_and_a_chefs_own_feed_does()
    {
        var (customer, phone) = await App.CustomerAsync("Ruby Stone");
        var digits = phone.E164[2..];
        // Someone typed the customer's number into the address and the package: it still must not reach the business feed.
        var party = await App.PartyAsync(customer, new DateOnly(2027, 1, 23), new TimeOnly(17, 0), address: $"4 Gate Ln (call {phone.Typed} at the gate)");
        await Bookings.RequestAsync(new BookingRequested(customer, null, new DateOnly(2027, 1, 24), new TimeOnly(12, 0), 10, 60m, null, null, $"Deluxe, text {digits}", null), Actor.System, default);
        var chef = await App.ChefAsync("Kenji Sato");
        await App.AssignAsync(party.Id, chef);

        var (_, business) = await GetAsync(await BusinessTokenAsync());
        foreach (var form in new[] { phone.E164, digits, phone.Typed, $"555-{phone.Line:D4}", $"555{phone.Line:D4}" })
        {
            Assert.DoesNotContain(form, business, StringComparison.Ordinal);
        }
        Assert.Contains("4 Gate Ln", business, StringComparison.Ordinal);

        var chefToken = await Feeds.IssueAsync(CalendarFeedKind.Chef, chef, Actor.System, default);
        var (_, theirs) = await GetAsync(chefToken);
        Assert.Contains(phone.E164, theirs, StringComparison.Ordinal);
        var chefCalendar = IcalCalendar.Load(theirs)!;
        Assert.Equal(IcalFeedWriter.Uid(party.Id), Assert.Single(chefCalendar.Events).Uid); // only the parties they are on
        Assert.Contains("Kenji Sato", Event(IcalCalendar.Load(business)!, party.Id).Description);
    }

    [Fact]
    public async Task A_revoked_or_replaced_link_is_404_and_the_new_link_works()
    {
        var first = await BusinessTokenAsync();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(first)).Response.StatusCode);

        var second = await BusinessTokenAsync(); // issuing again replaces the link
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(first)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(second)).Response.StatusCode);

        Assert.True(await Feeds.RevokeAsync(CalendarFeedKind.Business, null, Actor.System, default));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(second)).Response.StatusCode);
        Assert.Null(await Feeds.LiveLinkAsync(CalendarFeedKind.Business, null, default));

        // Only the hash is stored: the token itself is nowhere in the database.
        await using var db = await App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<HibachiAdmin.Infrastructure.Data.AppDbContext>>().CreateDbContextAsync();
        Assert.DoesNotContain(db.Set<CalendarFeed>().Select(f => f.TokenHash).ToList(), h => h == second || h == first);
        Assert.Contains(db.Set<CalendarFeed>().Select(f => f.TokenHash).ToList(), h => h == FeedTokens.Hash(second));
    }

    [Fact]
    public async Task A_chefs_link_stops_when_the_chef_is_made_inactive()
    {
        var chef = await App.ChefAsync("Aiko Mori");
        var token = await Feeds.IssueAsync(CalendarFeedKind.Chef, chef, Actor.System, default);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(token)).Response.StatusCode);

        var chefs = App.Services.GetRequiredService<ChefService>();
        var summary = (await chefs.GetAsync(chef, default))!;
        await chefs.UpdateAsync(chef, new ChefInput(summary.Name, summary.Phone, summary.HomeZip, summary.Kind, summary.UserId, Active: false), default);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(token)).Response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")] // the right shape, never issued
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../appsettings.json")]
    [InlineData("%00%00")]
    [InlineData("' OR 1=1 --")]
    [InlineData("💥💥💥💥💥💥💥💥💥💥💥")]
    [InlineData("token.ics")]
    public async Task An_unknown_or_malformed_token_is_404(string token)
    {
        var (response, body) = await GetAsync(token);
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {body[..Math.Min(300, body.Length)]}");
    }

    [Fact]
    public async Task No_token_string_gets_a_5xx()
    {
        var client = App.CreateClient();
        var failures = new List<string>();
        await Gen.String.Select(Gen.Char.AlphaNumeric.Array[0, 40], (s, a) => s + new string(a)).SampleAsync(async token =>
        {
            using var response = await client.GetAsync($"/ical/{Uri.EscapeDataString(token)}.ics");
            if ((int)response.StatusCode >= 500)
            {
                lock (failures)
                {
                    failures.Add($"{(int)response.StatusCode} for {token}");
                }
            }
            return true;
        }, iter: 300, threads: 1);
        using var long1 = await client.GetAsync($"/ical/{new string('A', 5000)}.ics");
        Assert.True((int)long1.StatusCode < 500, $"{(int)long1.StatusCode} for a 5,000-character token");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task Guessing_at_speed_is_rate_limited_per_address()
    {
        await using var limited = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false").With("RateLimits:CalendarFeedPerMinute", "3");
        var client = limited.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync($"/ical/{FeedTokens.New()}.ics")).StatusCode);
        }
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
