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
            // The party's day (Saturday 12 December, 23:00 in New York): a party is marked done on its day or after.
            ((FakeTimeProvider)_app.Time!).SetUtcNow(new DateTimeOffset(2026, 12, 13, 4, 0, 0, TimeSpan.Zero));
            Assert.NotNull((await Bookings.CompleteAsync(id, Actor.System, default)).Booking);
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
    [InlineData(BookingStatus.Confirmed, 200, new[] { "record-deposit", "reschedule-booking", "cancel-booking" })]
    [InlineData(BookingStatus.Confirmed, 1320, new[] { "reschedule-booking", "cancel-booking" })]
    [InlineData(BookingStatus.Completed, 200, new string[0])]
    [InlineData(BookingStatus.Cancelled, 0, new string[0])]
    public async Task Only_the_actions_valid_in_the_state_are_offered(BookingStatus status, int deposit, string[] expected)
    {
        var (id, _, _) = await BookingAsync(status, deposit);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(status.Label(), cut.Find("[data-testid=booking-status]").TextContent.Trim()));
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
    public async Task Mark_party_done_is_offered_from_the_partys_day_in_the_business_time_zone_not_before()
    {
        var (id, _, _) = await BookingAsync(BookingStatus.Confirmed, 200);
        var clock = (FakeTimeProvider)_app.Time!;
        // Friday 11 December, 23:59 in New York (04:59 UTC on the 12th): the party is tomorrow there.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 4, 59, 0, TimeSpan.Zero));
        var before = Render<BookingPage>(p => p.Add(x => x.Id, id));
        before.WaitForAssertion(() => Assert.EndsWith("party's day: Tomorrow.", before.Find("[data-testid=complete-from]").TextContent.Trim()));
        Assert.Empty(before.FindAll("[data-testid=complete-booking]"));
        var refused = await Bookings.CompleteAsync(id, Actor.System, default);
        Assert.Null(refused.Booking);
        Assert.Equal("The party is on Saturday, December 12, 2026: it can be marked done on that day or after.", refused.Conflict);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 5, 0, 0, TimeSpan.Zero)); // 00:00 on the day in New York
        var onTheDay = Render<BookingPage>(p => p.Add(x => x.Id, id));
        onTheDay.WaitForAssertion(() => onTheDay.Find("button[data-testid=complete-booking]"));
        Assert.Empty(onTheDay.FindAll("[data-testid=complete-from]"));
        await onTheDay.Find("button[data-testid=complete-booking]").ClickAsync(new());
        onTheDay.WaitForAssertion(() => Assert.Equal("Completed", onTheDay.Find("[data-testid=booking-status]").TextContent.Trim()));
    }

    [Theory]
    [InlineData(0, "200")]    // nothing paid, no quote: the usual deposit
    [InlineData(200, "0")]    // the usual deposit is in: nothing suggested
    [InlineData(150, "0")]    // money is in without a quote: staff type what they received
    public async Task The_deposit_box_offers_what_is_left_of_the_deposit_not_a_second_one(int paid, string offered)
    {
        var (id, _, _) = await BookingAsync(BookingStatus.Requested, paid);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Equal(offered, cut.Find("input[data-testid=deposit-amount]").GetAttribute("value")));
        Assert.Equal(offered == "0", cut.Find("button[data-testid=record-deposit]").HasAttribute("disabled"));
        if (paid > 0)
        {
            Assert.Contains($"${paid} paid so far", cut.Find("[data-testid=deposit-row]").TextContent);
        }
    }

    [Fact]
    public void The_suggested_deposit_is_what_is_left_of_the_quotes_deposit_and_never_more_than_is_due()
    {
        static BookingRow Row(decimal total, decimal depositDue, decimal paid) =>
            new() { Total = total, DepositDue = depositDue, DepositPaid = paid, Status = BookingStatus.Requested };
        Assert.Equal(300m, Row(1200, 300, 0).SuggestedDeposit);
        Assert.Equal(100m, Row(1200, 300, 200).SuggestedDeposit);
        Assert.Equal(0m, Row(1200, 300, 300).SuggestedDeposit);
        Assert.Equal(0m, Row(1200, 300, 450).SuggestedDeposit);
        Assert.Equal(120m, Row(120, 0, 0).SuggestedDeposit);   // a small party owes less than the usual deposit
        Assert.Equal(250m, Row(250, 300, 0).SuggestedDeposit);    // never more than the balance
        Assert.Equal(0m, new BookingRow { Total = 1200, Status = BookingStatus.Cancelled }.SuggestedDeposit);
        // Money paid online counts with deposits recorded by hand.
        Assert.Equal(100m, new BookingRow { Total = 1200, DepositDue = 300, DepositPaid = 100, PaidOnline = 100, Status = BookingStatus.Requested }.SuggestedDeposit);
    }

    [Fact]
    public async Task Confirming_without_a_deposit_says_so_and_with_one_it_does_not()
    {
        var (bare, _, _) = await BookingAsync(BookingStatus.Requested);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, bare));
        cut.WaitForAssertion(() => Assert.Equal("Confirm without a deposit", cut.Find("button[data-testid=confirm-booking]").TextContent.Trim()));
        Assert.Contains("No deposit has been paid yet", cut.Find("[data-testid=confirm-without-deposit]").TextContent);

        var (paid, _, _) = await BookingAsync(BookingStatus.Requested, 200);
        var withDeposit = Render<BookingPage>(p => p.Add(x => x.Id, paid));
        withDeposit.WaitForAssertion(() => Assert.Equal("Confirm booking", withDeposit.Find("button[data-testid=confirm-booking]").TextContent.Trim()));
        Assert.Empty(withDeposit.FindAll("[data-testid=confirm-without-deposit]"));
    }

    [Fact]
    public async Task The_texts_the_booking_will_send_are_listed_with_when_and_what_became_of_them()
    {
        var (id, _, _) = await BookingAsync(BookingStatus.Requested, 200);
        var cut = Render<BookingPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Contains("None yet", cut.Find("[data-testid=booking-scheduled-texts]").TextContent));

        await Bookings.ConfirmAsync(id, Actor.System, default);
        await _app.Services.GetRequiredService<HibachiAdmin.Infrastructure.Events.OutboxDispatcher>().DispatchBatchAsync(100, default);
        var confirmed = Render<BookingPage>(p => p.Add(x => x.Id, id));
        confirmed.WaitForAssertion(() => Assert.Single(confirmed.FindAll("[data-testid=scheduled-text]")));
        var reminder = confirmed.Find("[data-testid=scheduled-text]").TextContent;
        // Two days before the party (Saturday 12 December, 18:00 in New York), inside texting hours.
        Assert.Contains("Reminder", reminder);
        Assert.Contains("Scheduled", reminder);
        Assert.Contains("Dec 10", reminder);
        Assert.DoesNotContain("Pending", confirmed.Markup);
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
