using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Calls;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Customers;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Components;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Customers;

/// <summary>The customer view gathers one person from every feature: details, consent, conversation, calls, leads, bookings, money.</summary>
public sealed class ContactPageTests : MudTestContext
{
    private static readonly DateTimeOffset Now = TestClock.Start;
    private readonly AppFactory _app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");
    private readonly IServiceScope _scope;

    public ContactPageTests()
    {
        _scope = _app.Services.CreateScope();
        Services.AddFallbackServiceProvider(_scope.ServiceProvider);
        Render<MudPopoverProvider>();
    }

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    [Fact]
    public async Task One_page_shows_the_customers_money_leads_bookings_conversation_and_calls()
    {
        var contact = (await PersonConsent.CreateAsync(_app.Services, new CreateContactRequest("Ava Miller", "(718) 555-0142", "ava@example.com", ["vip"], SmsConsent: SmsConsent.OptedIn))).Contact!;
        var lead = (await Get<LeadService>().CreateAsync(new NewLead(contact.Id, LeadSource.Instagram, Occasion: "Birthday"), LeadStatus.Quoted, null, Actor.System, default)).Lead!;
        var bookings = Get<BookingService>();
        var past = (await bookings.RequestAsync(new BookingRequested(contact.Id, null, new DateOnly(2026, 11, 24), null, 20, 60m, null, null, null, null), Actor.System, default)).Booking!.Id;
        await bookings.ConfirmAsync(past, Actor.System, default);
        Assert.NotNull((await bookings.CompleteAsync(past, Actor.System, default)).Booking); // today's party, done
        var ahead = (await bookings.RequestAsync(new BookingRequested(contact.Id, lead.Id, new DateOnly(2026, 12, 12), null, 15, 60m, null, null, null, null), Actor.System, default)).Booking!.Id;
        await bookings.DepositAsync(ahead, 200, Actor.System, default);
        await bookings.CancelAsync((await bookings.RequestAsync(new BookingRequested(contact.Id, null, new DateOnly(2026, 12, 20), null, 50, 60m, null, null, null, null), Actor.System, default)).Booking!.Id,
            "Changed plans", null, Actor.System, default);
        await using (var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await Get<ConversationLog>().AppendInboundAsync(db, Platform.Sms, contact.Phone!, contact.Id, contact.Name, "Can we add 5 guests?", "m-1", Now.UtcDateTime.AddHours(-2), default);
            db.Add(new CallLog { TelephonySessionId = "s-1", Direction = "Inbound", ContactId = contact.Id, FromNumber = contact.Phone, Status = "VoiceMail", Missed = true, Voicemail = true,
                StartedAt = Now.UtcDateTime.AddHours(-3), EndedAt = Now.UtcDateTime.AddHours(-3).AddSeconds(40), DurationSeconds = 40, RecordingId = "r-1", UpdatedAt = Now.UtcDateTime });
            await db.SaveChangesAsync();
        }

        var cut = Render<ContactPage>(p => p.Add(x => x.Id, contact.Id));
        cut.WaitForAssertion(() => Assert.Equal("Ava Miller", cut.Find("h1").TextContent.Trim()));
        Assert.Contains("(718) 555-0142", cut.Find("[data-testid=contact-details]").TextContent);
        // Spent: the completed $1,200 party. Ahead: the requested $900 one ($200 paid); the cancelled one counts for neither.
        Assert.Equal("$1,200", cut.Find("[data-testid=money-spent]").TextContent.Trim());
        Assert.Equal("$900 booked ahead · $700 still due", cut.Find("[data-testid=money-ahead]").TextContent.Trim());
        Assert.Contains("Opted in via sms-keyword", cut.Find("[data-testid=contact-consent]").TextContent);
        Assert.Equal(3, cut.Find("[data-testid=contact-bookings]").QuerySelectorAll("a").Length);
        Assert.Contains("Birthday", cut.Find("[data-testid=contact-leads]").TextContent);
        Assert.Contains("Can we add 5 guests?", cut.Find("[data-testid=contact-conversation]").TextContent);
        Assert.Contains("Today 8:00 AM", cut.Find("[data-testid=contact-conversation]").TextContent); // 13:00 UTC in New York
        Assert.Equal("Voicemail", cut.Find("[data-testid=contact-calls] [data-testid=call-outcome]").TextContent.Trim());
        Assert.NotNull(cut.Find("[data-testid=contact-calls] audio"));
    }

    protected override ValueTask DisposeResourcesAsync()
    {
        _scope.Dispose();
        return _app.DisposeAsync();
    }
}
