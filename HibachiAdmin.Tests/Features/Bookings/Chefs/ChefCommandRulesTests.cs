using System.Text.Json;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Tests.Features.Bookings.Chefs;

/// <summary>
/// The chef commands on the booking itself: who may be put on or taken off a party, the day-of steps in their order
/// (on the way, arrived, done; never backwards, never twice) and the done report (0 to 200 guests, notes trimmed).
/// Each refusal is the sentence staff or the chef see.
/// </summary>
public sealed class ChefCommandRulesTests
{
    /// <summary>Saturday 2026-12-12: the party's day (18:00, 12 guests).</summary>
    internal static readonly DateOnly PartyDay = new(2026, 12, 12);
    private static readonly Guid Kenji = Guid.Parse("0193a3c0-0000-7000-8000-00000000c001");

    /// <summary>A booking requested for <see cref="PartyDay"/> at 18:00 for 12 guests, then <paramref name="after"/>.</summary>
    internal static Booking Party(params (string Type, object Data)[] after)
    {
        var events = new List<StoredEvent>
        {
            Stored(1, BookingEventTypes.Requested, new BookingRequested(Guid.NewGuid(), null, PartyDay, new TimeOnly(18, 0), 12, 60m, null, null, null, null)),
        };
        foreach (var (type, data) in after)
        {
            events.Add(Stored(events.Count + 1, type, data));
        }
        return Booking.FromEvents(Guid.NewGuid(), events);
    }

    private static StoredEvent Stored(int version, string type, object data) =>
        new() { Version = version, EventType = type, Data = JsonSerializer.Serialize(data, EventStore.Json) };

    internal static readonly (string, object) Confirmed = (BookingEventTypes.Confirmed, new BookingConfirmed());
    internal static readonly (string, object) Completed = (BookingEventTypes.Completed, new BookingCompleted());
    internal static readonly (string, object) Cancelled = (BookingEventTypes.Cancelled, new BookingCancelled("rain", null));
    private static readonly (string, object) KenjiOn = (BookingEventTypes.ChefAssigned, new ChefAssigned(Kenji, "Kenji"));
    private static readonly (string, object) OnTheWay = (BookingEventTypes.ChefOnTheWay, new ChefOnTheWay(Kenji, "Kenji"));
    private static readonly (string, object) Arrived = (BookingEventTypes.ChefArrived, new ChefArrived(Kenji, "Kenji"));
    private static readonly (string, object) Done = (BookingEventTypes.PartyDone, new PartyDone(10, null, Kenji));

    private static string[] Types(Decision d) => d.Events.Select(e => e.Type).ToArray();

    /// <summary>No event and no refusal: the command is fine and changes nothing.</summary>
    private static void RecordsNothing(Decision d)
    {
        Assert.Empty(d.Events);
        Assert.True(d is { Invalid: null, Conflict: null, Field: null, Forbidden: null }, $"no refusal: {d}");
    }

    [Fact]
    public void A_chef_goes_on_a_live_party_once_and_a_cancelled_or_completed_party_takes_none_saying_which_it_is()
    {
        var assigned = Assert.Single(Party().AssignChef(Kenji, "Kenji").Events);
        Assert.Equal((BookingEventTypes.ChefAssigned, (object)new ChefAssigned(Kenji, "Kenji")), assigned);
        RecordsNothing(Party(KenjiOn).AssignChef(Kenji, "Kenji")); // already on it: nothing, and no refusal
        Assert.Single(Party(Confirmed, KenjiOn).AssignChef(Guid.NewGuid(), "Rio").Events); // a second chef joins

        var cancelled = Party(Cancelled).AssignChef(Kenji, "Kenji");
        Assert.Equal(("A cancelled booking takes no chef.", 0), (cancelled.Conflict, cancelled.Events.Count));
        var completed = Party(Confirmed, Completed).AssignChef(Kenji, "Kenji");
        Assert.Equal(("A completed booking takes no chef.", 0), (completed.Conflict, completed.Events.Count));
    }

    [Fact]
    public void Only_a_chef_on_the_party_comes_off_it_and_a_completed_party_keeps_the_chefs_who_did_it()
    {
        RecordsNothing(Party().UnassignChef(Kenji, "Kenji"));
        RecordsNothing(Party(KenjiOn).UnassignChef(Guid.NewGuid(), "Rio"));
        var off = Assert.Single(Party(KenjiOn).UnassignChef(Kenji, "Kenji").Events);
        Assert.Equal((BookingEventTypes.ChefUnassigned, (object)new ChefUnassigned(Kenji, "Kenji")), off);
        Assert.Single(Party(KenjiOn, Cancelled).UnassignChef(Kenji, "Kenji").Events); // a cancelled party frees its chef

        var completed = Party(KenjiOn, Confirmed, Completed).UnassignChef(Kenji, "Kenji");
        Assert.Equal(("A completed party keeps the chefs who did it.", 0), (completed.Conflict, completed.Events.Count));
    }

    [Fact]
    public void A_step_is_refused_to_a_chef_not_on_the_party_on_a_closed_party_and_before_its_day_with_the_reason()
    {
        Assert.Equal("Rio is not on this party any more.", Party(KenjiOn).ReportStep(Guid.NewGuid(), "Rio", false, PartyDay).Conflict);
        Assert.Equal("This party is cancelled.", Party(KenjiOn, Cancelled).ReportStep(Kenji, "Kenji", true, PartyDay).Conflict);
        Assert.Equal("This party is completed.", Party(KenjiOn, Confirmed, Completed).ReportStep(Kenji, "Kenji", false, PartyDay).Conflict);
        var early = Party(KenjiOn).ReportStep(Kenji, "Kenji", false, PartyDay.AddDays(-1));
        Assert.Equal(("The party is on Saturday, December 12, 2026: this can be said from that day on.", 0), (early.Conflict, early.Events.Count));

        Assert.Equal([BookingEventTypes.ChefOnTheWay], Types(Party(KenjiOn).ReportStep(Kenji, "Kenji", false, PartyDay)));
        Assert.Equal([BookingEventTypes.ChefArrived], Types(Party(KenjiOn, Confirmed).ReportStep(Kenji, "Kenji", true, PartyDay.AddDays(1))));
    }

    [Fact]
    public void The_day_of_steps_only_move_forward_and_saying_one_again_or_an_earlier_one_records_nothing()
    {
        // Arrived straight away (no "on the way" first), and after "on the way".
        Assert.Equal([BookingEventTypes.ChefArrived], Types(Party(KenjiOn).ReportStep(Kenji, "Kenji", true, PartyDay)));
        Assert.Equal([BookingEventTypes.ChefArrived], Types(Party(KenjiOn, OnTheWay).ReportStep(Kenji, "Kenji", true, PartyDay)));
        // Again, or a step behind where the party is: nothing new, and no refusal either (a second tap is fine).
        RecordsNothing(Party(KenjiOn, OnTheWay).ReportStep(Kenji, "Kenji", false, PartyDay));
        RecordsNothing(Party(KenjiOn, Arrived).ReportStep(Kenji, "Kenji", true, PartyDay));
        RecordsNothing(Party(KenjiOn, Arrived).ReportStep(Kenji, "Kenji", false, PartyDay));
        RecordsNothing(Party(KenjiOn, Confirmed, Done).ReportStep(Kenji, "Kenji", true, PartyDay));
        RecordsNothing(Party(KenjiOn, Confirmed, Done).ReportStep(Kenji, "Kenji", false, PartyDay));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(Booking.MaxGuests + 1)]
    public void A_done_report_outside_0_to_200_guests_is_refused_naming_the_field(int guests)
    {
        var refused = Party(Confirmed).ReportDone(guests, null, Kenji, PartyDay);
        Assert.Equal(("Expected 0 to 200 guests.", "actualGuests", 0), (refused.Invalid, refused.Field, refused.Events.Count));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Booking.MaxGuests)]
    public void A_done_report_of_0_or_200_guests_completes_a_confirmed_party_on_its_day(int guests)
    {
        var done = Party(Confirmed).ReportDone(guests, null, Kenji, PartyDay);
        Assert.Equal([BookingEventTypes.PartyDone, BookingEventTypes.Completed], Types(done));
        Assert.Equal(new PartyDone(guests, null, Kenji), done.Events[0].Data);
    }

    [Theory]
    [InlineData("  Great crowd \n", "Great crowd")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_done_reports_notes_are_kept_trimmed_and_blank_notes_are_none(string? notes, string? kept)
    {
        var done = Party(Confirmed).ReportDone(11, notes, null, PartyDay);
        Assert.Equal(new PartyDone(11, kept, null), done.Events[0].Data);
    }

    [Fact]
    public void A_party_staff_already_completed_only_takes_the_report_and_a_party_reported_done_takes_no_second()
    {
        var report = Party(Confirmed, Completed).ReportDone(9, "Fine", Kenji, PartyDay.AddDays(2));
        Assert.Null(report.Conflict);
        Assert.Equal([(BookingEventTypes.PartyDone, (object)new PartyDone(9, "Fine", Kenji))], report.Events);

        var again = Party(Confirmed, Done).ReportDone(9, null, Kenji, PartyDay);
        Assert.Equal(("This party was already reported done.", 0), (again.Conflict, again.Events.Count));
    }

    [Fact]
    public void A_done_report_that_cannot_complete_the_party_records_nothing_and_says_why()
    {
        var requested = Party().ReportDone(10, null, Kenji, PartyDay);
        Assert.Equal(("Only a confirmed booking can be completed.", 0), (requested.Conflict, requested.Events.Count));
        var early = Party(Confirmed).ReportDone(10, null, Kenji, PartyDay.AddDays(-1));
        Assert.Equal(("The party is on Saturday, December 12, 2026: it can be marked done on that day or after.", 0), (early.Conflict, early.Events.Count));
    }
}
