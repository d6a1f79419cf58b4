using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HibachiAdmin.Tests.Features.Bookings.Chefs;

/// <summary>
/// A chef is never on two parties at once nor on a day off (409 with the reason, nothing stored). A party is
/// [start, start + 3 h) in New York time (17:00 when no time was agreed): back-to-back parties are fine, one minute
/// of overlap is not; a party ending at midnight does not touch the next day.
/// </summary>
public sealed class ChefAssignmentTests(ChefTestApp t) : IClassFixture<ChefTestApp>
{
    [Fact]
    public async Task Parties_that_meet_end_to_start_share_a_chef_and_one_minute_of_overlap_is_refused_naming_the_other_party()
    {
        var (chef, _) = await t.ChefAsync("Kenji Overlap");
        var evening = await t.BookingAsync("Dana Evening", "2026-12-12", null); // 17:00–20:00
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(evening, chef)).StatusCode);
        Assert.Equal([chef], await t.ChefIdsAsync(evening));

        var late = await t.BookingAsync("Lee Late", "2026-12-12", "20:00");       // starts as the evening party ends
        var afternoon = await t.BookingAsync("Ash Afternoon", "2026-12-12", "14:00"); // ends as the evening party starts
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(late, chef)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(afternoon, chef)).StatusCode);

        var oneMinuteEarly = await t.BookingAsync("Max Early", "2026-12-12", "19:59"); // meets the evening party by a minute
        var refused = await t.AssignAsync(oneMinuteEarly, chef);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = await ChefTestApp.DetailAsync(refused);
        Assert.Contains("Kenji Overlap is already on Dana Evening's party", detail);
        Assert.Contains("5:00 PM to 8:00 PM", detail);
        Assert.Contains(evening, detail);
        Assert.Empty(await t.ChefIdsAsync(oneMinuteEarly));
        Assert.Equal(1, await t.EventCountAsync(oneMinuteEarly)); // only its request: nothing was appended

        var oneMinuteLate = await t.BookingAsync("Pat Overrun", "2026-12-12", "14:01"); // ends 17:01, a minute into the evening party
        Assert.Equal(HttpStatusCode.Conflict, (await t.AssignAsync(oneMinuteLate, chef)).StatusCode);
    }

    [Fact]
    public async Task Moving_a_party_onto_another_party_of_its_chef_is_refused_and_moving_it_end_to_start_is_not()
    {
        var (chef, _) = await t.ChefAsync("Rio Moves");
        var first = await t.BookingAsync("Sam First", "2026-12-18", "12:00"); // 12:00–15:00
        var second = await t.BookingAsync("Kim Second", "2026-12-18", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(first, chef)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(second, chef)).StatusCode);
        var events = await t.EventCountAsync(second);

        var onTop = await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{second}/reschedule", new { eventDate = "2026-12-18", eventTime = "14:59" });
        Assert.Equal(HttpStatusCode.Conflict, onTop.StatusCode);
        Assert.Contains("Sam First's party", await ChefTestApp.DetailAsync(onTop));
        Assert.Equal(events, await t.EventCountAsync(second));

        var after = await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{second}/reschedule", new { eventDate = "2026-12-18", eventTime = "15:00" });
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_day_off_refuses_any_party_that_reaches_into_it_and_a_party_ending_at_midnight_before_it_is_fine()
    {
        var (chef, _) = await t.ChefAsync("Noa Dayoff", "2026-12-13");
        var endsAtMidnight = await t.BookingAsync("Ola Midnight", "2026-12-12", "21:00"); // 21:00–24:00 on Saturday
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(endsAtMidnight, chef)).StatusCode);

        var oneMinuteInto = await t.BookingAsync("Uma Past", "2026-12-12", "21:01"); // ends 00:01 on Sunday, the day off
        var refused = await t.AssignAsync(oneMinuteInto, chef);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Noa Dayoff is off on Sunday, December 13, 2026.", await ChefTestApp.DetailAsync(refused));

        var onTheDay = await t.BookingAsync("Ivy Sunday", "2026-12-13", "00:00");
        Assert.Equal(HttpStatusCode.Conflict, (await t.AssignAsync(onTheDay, chef)).StatusCode);
        var dayAfter = await t.BookingAsync("Eli Monday", "2026-12-14", "00:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(dayAfter, chef)).StatusCode);
        Assert.Empty(await t.ChefIdsAsync(oneMinuteInto));
    }

    [Fact]
    public async Task A_new_day_off_on_a_day_the_chef_works_is_refused_naming_the_party()
    {
        var (chef, phone) = await t.ChefAsync("Bo Busy");
        var party = await t.BookingAsync("Cy Party", "2026-12-19", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, chef)).StatusCode);

        var response = await t.Admin.PutAsJsonAsync($"/api/v1/chefs/{chef}", new { name = "Bo Busy", phone = phone.Typed, daysOff = new[] { "2026-12-19" } });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(party, await ChefTestApp.DetailAsync(response));
        var stored = await t.Staff.GetFromJsonAsync<JsonElement>($"/api/v1/chefs/{chef}");
        Assert.Equal(0, stored.GetProperty("daysOff").GetArrayLength());
    }

    [Fact]
    public async Task An_inactive_chef_and_a_cancelled_party_take_no_assignment()
    {
        var (chef, phone) = await t.ChefAsync("Ed Inactive");
        Assert.Equal(HttpStatusCode.OK, (await t.Admin.PutAsJsonAsync($"/api/v1/chefs/{chef}", new { name = "Ed Inactive", phone = phone.Typed, active = false })).StatusCode);
        var party = await t.BookingAsync("Fay Guest", "2026-12-20", null);
        var inactive = await t.AssignAsync(party, chef);
        Assert.Equal(HttpStatusCode.Conflict, inactive.StatusCode);
        Assert.Contains("not active", await ChefTestApp.DetailAsync(inactive));

        var (other, _) = await t.ChefAsync("Gil Active");
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/cancel", new { reason = "Moved away" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await t.AssignAsync(party, other)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/chefs", new { chefId = Guid.NewGuid() })).StatusCode);
    }

    [Fact]
    public async Task Parties_dated_the_day_before_and_after_that_reach_across_midnight_are_in_the_way_and_a_cancelled_one_is_not()
    {
        var (chef, _) = await t.ChefAsync("Max Midnight");
        var lateBefore = await t.BookingAsync("Ned Late", "2027-01-08", "23:00");  // 23:00–02:00 into the 9th
        var earlyAfter = await t.BookingAsync("Oda Early", "2027-01-10", "00:00"); // from midnight on the 10th
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(lateBefore, chef)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(earlyAfter, chef)).StatusCode);

        var afterMidnight = await t.BookingAsync("Pia Small", "2027-01-09", "01:00"); // dated the day after Ned's, meets it
        var refused = await t.AssignAsync(afterMidnight, chef);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = await ChefTestApp.DetailAsync(refused);
        Assert.StartsWith("Max Midnight is already on Ned Late's party on ", detail);
        Assert.EndsWith($" from 11:00 PM to 2:00 AM (booking {lateBefore}); parties may meet end to start but not overlap.", detail);

        var beforeMidnight = await t.BookingAsync("Quin Late", "2027-01-09", "22:00"); // dated the day before Oda's, runs into it
        var intoNext = await t.AssignAsync(beforeMidnight, chef);
        Assert.Equal(HttpStatusCode.Conflict, intoNext.StatusCode);
        Assert.Contains("already on Oda Early's party", await ChefTestApp.DetailAsync(intoNext));
        Assert.Empty(await t.ChefIdsAsync(afterMidnight));
        Assert.Empty(await t.ChefIdsAsync(beforeMidnight));

        // A cancelled party keeps its chef on record but does not hold them: the same time is free for another party.
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{lateBefore}/cancel", new { reason = "Rain" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(afterMidnight, chef)).StatusCode);
    }

    [Fact]
    public async Task A_cancelled_party_takes_no_chef_and_says_so_even_when_the_chef_is_busy_at_its_time()
    {
        var (chef, _) = await t.ChefAsync("Jay Cancelled");
        var gone = await t.BookingAsync("Kit Gone", "2027-01-12", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(gone, chef)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{gone}/cancel", new { reason = "Moved away" })).StatusCode);
        var same = await t.BookingAsync("Lou Same", "2027-01-12", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(same, chef)).StatusCode);
        var events = await t.EventCountAsync(gone);

        var refused = await t.AssignAsync(gone, chef);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("A cancelled booking takes no chef.", await ChefTestApp.DetailAsync(refused));
        Assert.Equal(events, await t.EventCountAsync(gone));
    }

    [Fact]
    public async Task A_moved_party_whose_chefs_are_all_busy_at_the_new_time_names_them_in_name_order()
    {
        var (zed, _) = await t.ChefAsync("Zed Order"); // added first: name order is not the order they were added in
        var (ada, _) = await t.ChefAsync("Ada Order");
        var party = await t.BookingAsync("Sol Host", "2027-01-20", "12:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, zed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(party, ada)).StatusCode);
        var zedsOther = await t.BookingAsync("Tom Other", "2027-01-20", "18:00");
        var adasOther = await t.BookingAsync("Uma Other", "2027-01-20", "18:00");
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(zedsOther, zed)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await t.AssignAsync(adasOther, ada)).StatusCode);
        var events = await t.EventCountAsync(party);

        var moved = await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/reschedule", new { eventDate = "2027-01-20", eventTime = "18:00" });
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.StartsWith("Ada Order is already on Uma Other's party", await ChefTestApp.DetailAsync(moved));
        Assert.Equal(events, await t.EventCountAsync(party));
    }

    [Fact]
    public async Task An_unknown_chef_or_party_and_a_page_older_than_the_booking_are_refused_with_what_staff_see_and_nothing_is_stored()
    {
        var (chef, _) = await t.ChefAsync("Hal Known");
        var party = await t.BookingAsync("Ike Host", "2026-12-21", "18:00");
        var unknownAssigned = await t.AssignAsync(party, Guid.NewGuid().ToString());
        var unknownRemoved = await t.Staff.DeleteAsync($"/api/v1/bookings/{party}/chefs/{Guid.NewGuid()}");
        foreach (var response in new[] { unknownAssigned, unknownRemoved })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.Equal(["No chef has this id."], errors.GetProperty("chefId").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }
        var noParty = await t.AssignAsync(Guid.NewGuid().ToString(), chef);
        Assert.Equal(HttpStatusCode.NotFound, noParty.StatusCode);
        Assert.Equal("Booking not found", (await noParty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var stale = await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/chefs", new { chefId = chef, version = 2 }); // the page saw a later version
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("This booking changed since the page showed it (see the timeline); nothing was done. Check it and try again.", await ChefTestApp.DetailAsync(stale));
        Assert.Equal(1, await t.EventCountAsync(party));
        Assert.Equal(HttpStatusCode.OK, (await t.Staff.PostAsJsonAsync($"/api/v1/bookings/{party}/chefs", new { chefId = chef, version = 1 })).StatusCode);
        Assert.Equal([chef], await t.ChefIdsAsync(party));
    }
}
