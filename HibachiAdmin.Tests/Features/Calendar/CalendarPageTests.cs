using AngleSharp.Dom;
using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Calendar;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>
/// The calendar page over the real services on the frozen clock (Tuesday 24 November 2026): a drag moves a party through the
/// booking's own Rescheduled event after a confirm dialog, and a booking made elsewhere shows without a reload, exactly as a
/// reload shows it.
/// </summary>
public sealed class CalendarPageTests : MudTestContext
{
    private readonly AppFactory _app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");
    private readonly IServiceScope _scope;

    public CalendarPageTests()
    {
        _scope = _app.Services.CreateScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    protected override async ValueTask DisposeResourcesAsync()
    {
        _scope.Dispose();
        await _app.DisposeAsync();
    }

    private BookingService Bookings => _app.Services.GetRequiredService<BookingService>();

    [Fact]
    public async Task Dragging_a_party_to_another_day_and_confirming_moves_it_there_keeping_its_time()
    {
        var (customer, _) = await _app.CustomerAsync("Ava Miller");
        var party = await _app.PartyAsync(customer, new DateOnly(2026, 11, 28), new TimeOnly(18, 0));
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<CalendarPage>();
        cut.WaitForElement($"[data-testid=day-2026-11-28] [data-testid=party-{party.Id}]");

        await cut.Find($"[data-testid=party-{party.Id}]").DragStartAsync(new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        var drop = cut.Find("[data-testid=day-2026-11-30]").DropAsync(new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        dialogs.WaitForAssertion(() => Assert.Contains("Ava Miller", dialogs.Find("[data-testid=move-summary]").TextContent));
        // The day it goes to, with its chefs once it is there; telling the customer is off unless someone turns it on.
        Assert.Contains("1 of 3 chefs booked", dialogs.Find("[data-testid=move-capacity]").TextContent);
        Assert.Empty(dialogs.FindAll("[data-testid=move-tell-text]"));
        await dialogs.Find("[data-testid=move-confirm]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await drop;

        var moved = (await Bookings.GetAsync(party.Id, default))!;
        Assert.Equal((new DateOnly(2026, 11, 30), new TimeOnly(18, 0)), (moved.EventDate, moved.EventTime));
        var events = await Bookings.EventsAsync(party.Id, default);
        Assert.Equal(BookingEventTypes.Rescheduled, events[^1].EventType);
        Assert.False(System.Text.Json.JsonSerializer.Deserialize<BookingRescheduled>(events[^1].Data, EventStore.Json)!.TellCustomer);
        cut.WaitForElement($"[data-testid=day-2026-11-30] [data-testid=party-{party.Id}]");
        Assert.Empty(cut.FindAll($"[data-testid=day-2026-11-28] [data-testid=party-{party.Id}]"));
    }

    [Fact]
    public async Task Cancelling_the_dialog_moves_nothing()
    {
        var (customer, _) = await _app.CustomerAsync("Noah Kim");
        var party = await _app.PartyAsync(customer, new DateOnly(2026, 11, 27), new TimeOnly(17, 0));
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<CalendarPage>();
        cut.WaitForElement($"[data-testid=party-{party.Id}]");

        await cut.Find($"[data-testid=party-{party.Id}]").DragStartAsync(new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        var drop = cut.Find("[data-testid=day-2026-12-01]").DropAsync(new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        dialogs.WaitForElement("[data-testid=move-cancel]");
        await dialogs.Find("[data-testid=move-cancel]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await drop;

        Assert.Equal(new DateOnly(2026, 11, 27), (await Bookings.GetAsync(party.Id, default))!.EventDate);
        Assert.Single(await Bookings.EventsAsync(party.Id, default));
    }

    [Fact]
    public async Task In_the_week_view_a_party_dropped_on_another_days_hour_moves_to_that_day_and_hour()
    {
        var (customer, _) = await _app.CustomerAsync("Liam Park");
        var party = await _app.PartyAsync(customer, new DateOnly(2026, 11, 27), new TimeOnly(17, 30));
        var dialogs = Render<MudDialogProvider>();
        var nav = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        nav.NavigateTo("calendar?view=week&date=2026-11-25");
        var cut = Render<CalendarPage>();
        cut.WaitForElement($"[data-testid=slot-2026-11-27-17] [data-testid=party-{party.Id}]");

        await cut.Find($"[data-testid=party-{party.Id}]").DragStartAsync(new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        var drop = cut.Find("[data-testid=slot-2026-11-29-12]").DropAsync(new Microsoft.AspNetCore.Components.Web.DragEventArgs());
        dialogs.WaitForElement("[data-testid=move-confirm]");
        // Staff chose to tell the customer this time.
        dialogs.Find("input[data-testid=move-tell], [data-testid=move-tell] input").Change(true);
        dialogs.WaitForElement("[data-testid=move-tell-text]");
        Assert.Contains("Sunday, Nov 29 at 12:30 PM", dialogs.Find("[data-testid=move-tell-text]").TextContent);
        await dialogs.Find("[data-testid=move-confirm]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await drop;

        var moved = (await Bookings.GetAsync(party.Id, default))!;
        Assert.Equal((new DateOnly(2026, 11, 29), new TimeOnly(12, 30)), (moved.EventDate, moved.EventTime));
        Assert.True(System.Text.Json.JsonSerializer.Deserialize<BookingRescheduled>((await Bookings.EventsAsync(party.Id, default))[^1].Data, EventStore.Json)!.TellCustomer);
    }

    [Fact]
    public async Task A_done_party_cannot_be_dragged()
    {
        var (customer, _) = await _app.CustomerAsync("Mia Chen");
        var party = await _app.PartyAsync(customer, new DateOnly(2026, 11, 24), new TimeOnly(12, 0));
        await Bookings.ConfirmAsync(party.Id, Actor.System, default);
        await Bookings.CompleteAsync(party.Id, Actor.System, default);
        var cut = Render<CalendarPage>();
        var item = cut.WaitForElement($"[data-testid=party-{party.Id}]");
        Assert.Equal("false", item.GetAttribute("draggable"));
        Assert.Equal("cal-state-done", item.GetAttribute("data-state"));
    }

    [Fact]
    public async Task A_booking_made_elsewhere_appears_without_a_reload_exactly_as_a_reload_shows_it()
    {
        var (customer, _) = await _app.CustomerAsync("Ella Ross");
        await _app.PartyAsync(customer, new DateOnly(2026, 11, 26), new TimeOnly(18, 0));
        var live = Render<CalendarPage>();
        live.WaitForElement("[data-testid=day-2026-11-26] .cal-party");

        // Four parties land on one day from elsewhere (the API, another screen): the day goes over capacity live.
        var made = new List<BookingRow>();
        for (var i = 0; i < 4; i++)
        {
            made.Add(await _app.PartyAsync(customer, new DateOnly(2026, 11, 29), new TimeOnly(12 + i, 0)));
        }
        live.WaitForAssertion(() => Assert.Equal("over", live.Find("[data-testid=load-2026-11-29]").GetAttribute("data-load")), TimeSpan.FromSeconds(10));
        Assert.Equal(4, live.FindAll("[data-testid=day-2026-11-29] .cal-party").Count);

        var reload = Render<CalendarPage>();
        reload.WaitForElement("[data-testid=day-2026-11-29] .cal-party");
        Assert.Equal(Snapshot(reload), Snapshot(live));
    }

    /// <summary>What the month shows: each day's load and its parties in order, with their state.</summary>
    private static string Snapshot(IRenderedComponent<CalendarPage> cut) => string.Join('\n', cut.FindAll("[data-testid=calendar-month] .cal-cell").Select(cell =>
        $"{cell.GetAttribute("data-testid")} {cell.QuerySelector(".cal-load")?.GetAttribute("data-load")} "
        + string.Join(',', cell.QuerySelectorAll(".cal-party").Select(p => $"{p.GetAttribute("data-testid")}:{p.GetAttribute("data-state")}:{p.TextContent.Trim()}"))));
}
