using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Leads;

public sealed class LeadBoardServiceTests
{
    [Fact]
    public async Task Board_sorts_by_urgency_and_totals_each_column()
    {
        await using var app = new AppFactory { Time = TestClock.Frozen() };
        var contacts = app.Services.GetRequiredService<ContactService>();
        var leads = app.Services.GetRequiredService<LeadService>();
        async Task<Guid> Contact(string phone) => (await contacts.FindOrCreateByPhoneAsync(phone, null, default))!.Value.Contact.Id;

        var far = await leads.CreateAsync(new NewLead(await Contact("(212) 555-0121"), LeadSource.Sms, new DateOnly(2027, 3, 1), EstimatedValue: 1000), LeadStatus.Qualified, null, Actor.System, default);
        var none = await leads.CreateAsync(new NewLead(await Contact("(212) 555-0122"), LeadSource.Sms, null, EstimatedValue: 500), LeadStatus.Qualified, null, Actor.System, default);
        var soon = await leads.CreateAsync(new NewLead(await Contact("(212) 555-0123"), LeadSource.Sms, new DateOnly(2026, 11, 28), EstimatedValue: 250.5m), LeadStatus.Qualified, null, Actor.System, default);
        await leads.CreateAsync(new NewLead(await Contact("(212) 555-0124"), LeadSource.Phone, new DateOnly(2026, 12, 1), EstimatedValue: 99), LeadStatus.New, null, Actor.System, default);

        var board = await leads.GetBoardAsync(new BoardFilter(), default);
        var qualified = board.Columns.Single(c => c.Status == LeadStatus.Qualified);
        Assert.Equal([soon.Lead!.Id, far.Lead!.Id, none.Lead!.Id], qualified.Cards.Select(c => c.Id).ToArray());
        Assert.Equal(3, qualified.Count);
        Assert.Equal(1750.5m, qualified.TotalValue);
        Assert.Equal(4, qualified.Cards[0].DaysUntilEvent(board.Today));

        var phoneOnly = await leads.GetBoardAsync(new BoardFilter(Source: LeadSource.Phone), default);
        Assert.Equal(1, phoneOnly.Columns.Sum(c => c.Count));
    }

    [Fact]
    public async Task Tomorrow_on_a_card_is_the_business_days_tomorrow_not_UTCs()
    {
        // 04:27 UTC on Nov 26 is 11:27 PM on Nov 25 in New York: a party on Nov 26 is tomorrow there (UTC would say today).
        await using var app = new AppFactory { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 4, 27, 0, TimeSpan.Zero)) }.With("Business:TimeZone", "America/New_York");
        var contact = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("(212) 555-0131", null, default))!.Value.Contact.Id;
        var leads = app.Services.GetRequiredService<LeadService>();
        await leads.CreateAsync(new NewLead(contact, LeadSource.Sms, new DateOnly(2026, 11, 26)), LeadStatus.New, null, Actor.System, default);

        var board = await leads.GetBoardAsync(new BoardFilter(), default);
        Assert.Equal(new DateOnly(2026, 11, 25), board.Today);
        Assert.Equal(1, board.Columns.Single(c => c.Status == LeadStatus.New).Cards[0].DaysUntilEvent(board.Today));
    }
}

public sealed class LeadReopenTests
{
    [Fact]
    public async Task Reopening_a_lost_lead_is_refused_when_the_contact_has_another_open_lead()
    {
        await using var app = new AppFactory();
        var contacts = app.Services.GetRequiredService<ContactService>();
        var leads = app.Services.GetRequiredService<LeadService>();
        var contactId = (await contacts.FindOrCreateByPhoneAsync("(212) 555-0131", null, default))!.Value.Contact.Id;
        var lost = await leads.CreateAsync(new NewLead(contactId, LeadSource.Sms), LeadStatus.Lost, "Price", Actor.System, default);
        var open = await leads.CreateAsync(new NewLead(contactId, LeadSource.Phone), LeadStatus.New, null, Actor.System, default);
        Assert.True(open.Succeeded);

        Assert.Equal(LeadChangeResult.Conflict, await leads.ChangeStatusAsync(lost.Lead!.Id, LeadStatus.Contacted, null, Actor.System, default));
        Assert.Equal(LeadChangeResult.Changed, await leads.ChangeStatusAsync(open.Lead!.Id, LeadStatus.Booked, null, Actor.System, default));
        Assert.Equal(LeadChangeResult.Changed, await leads.ChangeStatusAsync(lost.Lead.Id, LeadStatus.Contacted, null, Actor.System, default));
    }
}
