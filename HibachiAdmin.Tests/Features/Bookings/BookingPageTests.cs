using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Tests.Components;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Bookings;

/// <summary>The front desk's booking page: who and where, dollars, a readable history, and only the actions the state allows.</summary>
public sealed class BookingPageTests : MudTestContext
{
    private readonly AppFactory _app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");

    private readonly IServiceScope _scope;

    public BookingPageTests()
    {
        _scope = _app.Services.CreateScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    private BookingService Bookings => _app.Services.GetRequiredService<BookingService>();

    private async Task<(Guid Booking, Guid Contact, Guid Lead)> BookingAsync(BookingStatus status, decimal deposit = 0)
    {
        var contact = (await _app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(TestPhones.Next("718").Typed, "Ava Miller", default))!.Value.Contact.Id;
        var lead = (await _app.Services.GetRequiredService<LeadService>().CreateAsync(new NewLead(contact, LeadSource.Instagram), LeadStatus.Quoted, null, Actor.System, default)).Lead!.Id;
        var id = (await Bookings.RequestAsync(new BookingRequested(contact, lead, new DateOnly(2026, 12, 12), new TimeOnly(18, 0), 22, 60m, "12 Elm St, Brooklyn", "11201", "Classic", "Nut allergy"),
            new Actor("maria.lopez@hibachi.local"), default)).Booking!.Id;
        if (deposit > 0)
        {
            await Bookings.DepositAsync(id, deposit, new Actor("maria.lopez@hibachi.local"), default);
        }
        if (status is BookingStatus.Confirmed or BookingStatus.Completed)
        {
            await Bookings.ConfirmAsync(id, Actor.System, default);
        }
        if (status == BookingStatus.Completed)
        {
            await Bookings.CompleteAsync(id, Actor.System, default);
        }
        if (status == BookingStatus.Cancelled)
        {
            await Bookings.CancelAsync(id, "Moved away", "lost", Actor.System, default);
        }
        return (id, contact, lead);
    }

    private static readonly string[] AllActions = ["confirm-booking", "record-deposit", "reschedule-booking", "complete-booking", "cancel-booking"];

    [Theory]
    [InlineData(BookingStatus.Requested, 0, new[] { "confirm-booking", "record-deposit", "reschedule-booking", "cancel-booking" })]
    [InlineData(BookingStatus.Confirmed, 200, new[] { "record-deposit", "reschedule-booking", "complete-booking", "cancel-booking" })]
    [InlineData(BookingStatus.Confirmed, 1320, new[] { "reschedule-booking", "complete-booking", "cancel-booking" })]
    [InlineData(BookingStatus.Completed, 200, new string[0])]
    [InlineData(BookingStatus.Cancelled, 0, new string[0])]
    public async Task Only_the_actions_valid_in_the_state_are_offered(BookingStatus status, int deposit, string[] expected)
    {
        var (id, _, _) = await BookingAsync(status, deposit);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(status.ToString(), cut.Find("[data-testid=booking-status]").TextContent.Trim()));
        var offered = AllActions.Where(a => cut.FindAll($"[data-testid={a}]").Count > 0).ToArray();
        Assert.Equal(expected, offered);
    }

    [Fact]
    public async Task The_page_shows_the_customer_dollars_balance_and_a_readable_history()
    {
        var (id, contact, lead) = await BookingAsync(BookingStatus.Confirmed, 200);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Contains("Ava Miller", cut.Find("[data-testid=booking-customer]").TextContent));
        Assert.Equal($"contacts/{contact}", cut.Find("[data-testid=booking-customer-link]").GetAttribute("href"));
        Assert.Contains("12 Elm St, Brooklyn 11201", cut.Find("[data-testid=booking-address]").TextContent);
        Assert.Equal($"leads?lead={lead}", cut.Find("[data-testid=booking-lead-link]").GetAttribute("href"));
        Assert.Equal("$1,320", cut.Find("[data-testid=booking-total]").TextContent);
        Assert.Equal("$200", cut.Find("[data-testid=booking-deposit]").TextContent);
        Assert.Equal("$1,120", cut.Find("[data-testid=balance-due]").TextContent);
        var history = cut.FindAll("[data-testid=booking-timeline] .mud-timeline-item").Select(i => i.TextContent.Trim()).ToList();
        // Times in New York: the events were stored at 15:00 UTC.
        Assert.Equal(3, history.Count);
        Assert.StartsWith("Requested for 22 guests at $60 a person ($1,320), Sat, Dec 12 at 6:00 PM", history[0]);
        Assert.EndsWith("by Maria Lopez, Nov 24 10:00 AM", history[0]);
        Assert.StartsWith("Deposit of $200 recorded", history[1]);
        Assert.EndsWith("by Maria Lopez, Nov 24 10:00 AM", history[1]);
        Assert.StartsWith("Confirmed", history[2]);
        Assert.EndsWith("by the system, Nov 24 10:00 AM", history[2]);
        Assert.DoesNotContain("booking.", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("¤", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_deposit_pressed_twice_records_one_deposit()
    {
        var (id, _, _) = await BookingAsync(BookingStatus.Requested);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => cut.Find("[data-testid=record-deposit]"));
        var first = cut.Find("button[data-testid=record-deposit]").ClickAsync(new());
        var second = cut.Find("button[data-testid=record-deposit]").ClickAsync(new());
        await Task.WhenAll(first, second);
        cut.WaitForAssertion(() => Assert.Equal("$200", cut.Find("[data-testid=booking-deposit]").TextContent));
        Assert.Equal(200m, (await Bookings.GetAsync(id, default))!.DepositPaid);
    }

    [Fact]
    public async Task A_command_against_a_version_the_booking_has_moved_past_is_refused()
    {
        var (id, _, _) = await BookingAsync(BookingStatus.Requested);
        var seen = (await Bookings.GetAsync(id, default))!.Version;
        Assert.NotNull((await Bookings.ExecuteAsync(id, seen, b => b.RecordDeposit(200), Actor.System, default)).Booking);
        var again = await Bookings.ExecuteAsync(id, seen, b => b.RecordDeposit(200), Actor.System, default);
        Assert.Null(again.Booking);
        Assert.NotNull(again.Conflict);
        Assert.Equal(200m, (await Bookings.GetAsync(id, default))!.DepositPaid);
    }

    protected override ValueTask DisposeResourcesAsync()
    {
        _scope.Dispose();
        return _app.DisposeAsync();
    }
}
