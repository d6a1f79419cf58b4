using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using static HibachiAdmin.Tests.Features.Bookings.Chefs.ChefCommandRulesTests;

namespace HibachiAdmin.Tests.Features.Bookings.Sheet;

/// <summary>
/// The sheet's facts on the booking itself (a party of 12 guaranteed guests): adults and children together, and the
/// guests of each dietary need, fit in the guaranteed count (equal is fine, one more is not); the count itself is 1 to
/// 200 guests; a closed party's sheet and count do not change. Each refusal is the sentence staff see, naming the field.
/// </summary>
public sealed class SheetRulesTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTime Now = TestClock.Start.UtcDateTime; // weeks before the party: no cutoff yet

    private static PartyDetailsSet Details(int? adults, int? children, params DietaryNeed[] dietary) =>
        new(new TimeOnly(17, 0), new TimeOnly(18, 30), null, null, PartySetting.Outdoor, adults, children, dietary, [], null);

    [Theory]
    [InlineData(10, 2)]
    [InlineData(12, null)]
    [InlineData(null, 12)]
    [InlineData(0, 12)]
    [InlineData(null, null)]
    public void Adults_and_children_adding_up_to_the_guaranteed_count_or_fewer_are_kept(int? adults, int? children)
    {
        var details = Details(adults, children);
        var kept = Party().SetDetails(details);
        Assert.Equal([(BookingEventTypes.DetailsSet, (object)details)], kept.Events);
    }

    [Theory]
    [InlineData(10, 3, "children")]
    [InlineData(12, 1, "children")]
    [InlineData(null, 13, "children")]
    [InlineData(13, null, "adults")]
    [InlineData(13, 0, "adults")]
    public void Adults_and_children_adding_up_to_more_than_the_guaranteed_count_are_refused_on_the_children_when_there_are_any(int? adults, int? children, string field)
    {
        var refused = Party().SetDetails(Details(adults, children));
        Assert.Equal(("Adults and children add up to more than the 12 guaranteed guests.", field, 0), (refused.Invalid, refused.Field, refused.Events.Count));
    }

    [Fact]
    public void Each_dietary_need_is_for_1_to_the_guaranteed_count_of_guests_and_the_refusal_names_the_entry()
    {
        var all = Details(10, 2, new DietaryNeed("peanuts", 1, DietarySeverity.Anaphylaxis), new DietaryNeed("no onions", 12, DietarySeverity.Preference));
        Assert.Single(Party().SetDetails(all).Events);

        var over = Party().SetDetails(Details(10, 2, new DietaryNeed("peanuts", 1, DietarySeverity.Anaphylaxis), new DietaryNeed("dairy", 13, DietarySeverity.Intolerance)));
        Assert.Equal(("Expected 1 to 12 guests (the guaranteed count).", "dietary[1].guests", 0), (over.Invalid, over.Field, over.Events.Count));
        var none = Party().SetDetails(Details(10, 2, new DietaryNeed("dairy", 0, DietarySeverity.Intolerance)));
        Assert.Equal(("Expected 1 to 12 guests (the guaranteed count).", "dietary[0].guests"), (none.Invalid, none.Field));
    }

    [Fact]
    public void A_cancelled_or_completed_partys_sheet_is_closed_and_no_details_is_a_programming_error()
    {
        Assert.Equal("A cancelled booking's sheet is closed.", Party(Cancelled).SetDetails(Details(10, 2)).Conflict);
        Assert.Equal("A completed booking's sheet is closed.", Party(Confirmed, Completed).SetDetails(Details(10, 2)).Conflict);
        Assert.Equal("details", Assert.Throws<ArgumentNullException>(() => Party().SetDetails(null!)).ParamName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(Booking.MaxGuests)]
    [InlineData(13)]
    public void The_guest_count_moves_to_any_count_from_1_to_200(int to)
    {
        var changed = Party().ChangeGuestCount(to, "  Cousins  ", Now, 3, NewYork, isManager: false);
        Assert.Equal([(BookingEventTypes.GuestCountChanged, (object)new GuestCountChanged(12, to, "Cousins", false))], changed.Events);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Booking.MaxGuests + 1)]
    public void A_guest_count_below_1_or_above_200_is_refused_naming_the_field(int to)
    {
        var refused = Party().ChangeGuestCount(to, null, Now, 3, NewYork, isManager: true);
        Assert.Equal(("Expected 1 to 200 guests.", "guestCount", 0), (refused.Invalid, refused.Field, refused.Events.Count));
    }

    [Fact]
    public void The_same_guest_count_again_records_nothing_and_a_closed_partys_count_is_final()
    {
        var same = Party().ChangeGuestCount(12, "again", Now, 3, NewYork, isManager: false);
        Assert.Empty(same.Events);
        Assert.True(same is { Invalid: null, Conflict: null, Forbidden: null }, $"no refusal: {same}");

        Assert.Equal("A cancelled booking's guest count is final.", Party(Cancelled).ChangeGuestCount(14, null, Now, 3, NewYork, true).Conflict);
        Assert.Equal("A completed booking's guest count is final.", Party(Confirmed, Completed).ChangeGuestCount(14, null, Now, 3, NewYork, true).Conflict);
    }
}
