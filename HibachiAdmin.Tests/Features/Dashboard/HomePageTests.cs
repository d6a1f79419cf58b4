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
    private readonly AppFactory _app = new() { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero)) };

    [Fact]
    public async Task Tiles_show_new_leads_pipeline_value_and_upcoming_events()
    {
        var contacts = _app.Services.GetRequiredService<ContactService>();
        var leads = _app.Services.GetRequiredService<LeadService>();
        async Task<Guid> Contact(string phone, string name) => (await contacts.FindOrCreateByPhoneAsync(phone, name, default))!.Value.Contact.Id;
        await leads.CreateAsync(new NewLead(await Contact("(212) 555-0141", "Ava Moore"), LeadSource.Sms, new DateOnly(2026, 11, 29), 30, Occasion: "Wedding rehearsal", EstimatedValue: 1800), LeadStatus.Quoted, null, Actor.System, default);
        await leads.CreateAsync(new NewLead(await Contact("(212) 555-0142", "Noah Kim"), LeadSource.Phone, new DateOnly(2027, 2, 1), EstimatedValue: 700), LeadStatus.New, null, Actor.System, default);
        await leads.CreateAsync(new NewLead(await Contact("(212) 555-0143", "Lost Lee"), LeadSource.Phone, EstimatedValue: 5000), LeadStatus.Lost, "Price", Actor.System, default);

        Services.AddSingleton(leads);
        var cut = Render<HomePage>();

        cut.WaitForAssertion(() => Assert.Contains("3", cut.Find("[data-testid=tile-new-leads]").TextContent));
        Assert.Contains("$2,500", cut.Find("[data-testid=tile-pipeline]").TextContent);
        Assert.Contains("Quoted: 1", cut.Find("[data-testid=tile-by-status]").TextContent);
        var upcoming = cut.Find("[data-testid=tile-upcoming]").TextContent;
        Assert.Contains("Ava Moore", upcoming);
        Assert.DoesNotContain("Noah Kim", upcoming);
    }

    protected override ValueTask DisposeResourcesAsync() => _app.DisposeAsync();
}
