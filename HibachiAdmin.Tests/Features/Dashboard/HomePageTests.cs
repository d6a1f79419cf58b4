using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Dashboard;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Tests.Components;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Dashboard;

public sealed class HomePageTests : MudTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now.AddDays(-8)); // moved forward as leads are created
    private readonly AppFactory _app;

    public HomePageTests() => _app = new AppFactory { Time = _time };

    [Fact]
    public async Task Tiles_show_exact_new_leads_pipeline_value_status_counts_and_upcoming_events()
    {
        var contacts = _app.Services.GetRequiredService<ContactService>();
        var leads = _app.Services.GetRequiredService<LeadService>();
        async Task<Guid> Contact(string phone, string name) => (await contacts.FindOrCreateByPhoneAsync(phone, name, default))!.Value.Contact.Id;
        async Task Lead(DateTimeOffset createdAt, string phone, string name, LeadStatus status, decimal value, DateOnly? eventDate = null, string? occasion = null)
        {
            _time.SetUtcNow(createdAt);
            var result = await leads.CreateAsync(new NewLead(await Contact(phone, name), LeadSource.Phone, eventDate, Occasion: occasion, EstimatedValue: value), status,
                status == LeadStatus.Lost ? "Price" : null, Actor.System, default);
            Assert.NotNull(result.Lead);
        }
        // Created a minute more than a week ago: open (in the pipeline) but not new this week.
        await Lead(Now.AddDays(-7).AddMinutes(-1), "(212) 555-0140", "Old Olive", LeadStatus.New, 300);
        // Exactly a week ago: still this week.
        await Lead(Now.AddDays(-7), "(212) 555-0144", "Week Wu", LeadStatus.Qualified, 200);
        await Lead(Now, "(212) 555-0141", "Ava Moore", LeadStatus.Quoted, 1800, new DateOnly(2026, 11, 29), "Wedding rehearsal");
        await Lead(Now, "(212) 555-0142", "Noah Kim", LeadStatus.New, 700, new DateOnly(2027, 2, 1));
        await Lead(Now, "(212) 555-0143", "Lost Lee", LeadStatus.Lost, 5000, new DateOnly(2026, 11, 30));
        await Lead(Now, "(212) 555-0145", "Booked Bo", LeadStatus.Booked, 1000, new DateOnly(2026, 12, 8));
        _time.SetUtcNow(Now);

        Services.AddSingleton(leads);
        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("[data-testid=tile-new-leads] h4").TextContent.Trim()));
        // Open statuses only (New, Contacted, Qualified, Quoted): 300 + 200 + 1,800 + 700.
        Assert.Equal("$3,000", cut.Find("[data-testid=tile-pipeline] h4").TextContent.Trim());
        var chips = cut.FindAll("[data-testid=tile-by-status] .mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(new[] { "New: 2", "Contacted: 0", "Qualified: 1", "Quoted: 1", "Booked: 1", "Lost: 1" }, chips);
        // The next 14 days, soonest first, lost leads left out; the 14th day is included.
        var upcoming = cut.FindAll("[data-testid=tile-upcoming] .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(2, upcoming.Count);
        Assert.StartsWith("Sun Nov 29 · Ava Moore · Wedding rehearsal", upcoming[0]);
        Assert.StartsWith("Tue Dec 8 · Booked Bo · event", upcoming[1]);
    }

    protected override ValueTask DisposeResourcesAsync() => _app.DisposeAsync();
}
