using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>
/// Issue 21, finding 7: a name is text a person reads and a campaign merges into an SMS, so every door
/// (API, dialog's service call, CSV import, inquiry form, inbound SMS) stores it without control or bidi
/// characters and with single spaces; and a name never decides whether the opt-out line is added.
/// </summary>
public sealed class NameCleaningTests
{
    private const string Dirty = "\u202EAnn\u0007\n\u001B  Smith\u2069\r\n";
    private const string Clean = "Ann Smith";

    [Fact]
    public async Task The_contacts_api_stores_names_cleaned_and_refuses_a_name_that_is_only_invisible_characters()
    {
        await using var app = new AppFactory();
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        var created = await client.PostAsJsonAsync("/api/v1/contacts", new { name = Dirty, phone = "(212) 555-0161" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var contact = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Clean, contact.GetProperty("name").GetString());

        var id = contact.GetProperty("id").GetString();
        var patched = await client.PatchAsync($"/api/v1/contacts/{id}", JsonContent.Create(new { name = "Bo\u0000b\u2066 \t Lee\u0085" }));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Bob Lee", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());

        foreach (var request in new[]
                 {
                     client.PostAsJsonAsync("/api/v1/contacts", new { name = "\u0007\u202E \u200F", phone = "(212) 555-0162" }),
                     client.PatchAsync($"/api/v1/contacts/{id}", JsonContent.Create(new { name = "\u001B\u2067" })),
                 })
        {
            var response = await request;
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        }
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal("Bob Lee", list.GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_csv_import_stores_names_cleaned_and_rejects_a_new_row_whose_name_is_only_invisible_characters()
    {
        await using var app = new AppFactory();
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        var csv = "name,phone\n\"\u202EAnn\u0007\n\u001B  Smith\u2069\",(212) 555-0171\n\u0007\u202E,(212) 555-0172\n";
        var response = await client.PostAsync("/api/v1/contacts/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("created").GetInt32());
        Assert.Equal(2, Assert.Single(result.GetProperty("rejected").EnumerateArray()).GetProperty("row").GetInt32());
        var items = (await client.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("items");
        Assert.Equal(Clean, Assert.Single(items.EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_inquiry_form_and_an_inbound_text_store_names_cleaned()
    {
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Table 1", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 1 });
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        var form = new InquiryForm { Name = "Maria\u0007 \u202ELopez", Phone = "(305) 555-0142", Guests = 20 };
        var accepted = await inquiries.SubmitAsync(code.Slug, form, null, null, CancellationToken.None);
        Assert.Equal(InquiryOutcome.Accepted, accepted.Outcome);
        var contacts = app.Services.GetRequiredService<ContactService>();
        var lead = (await app.Services.GetRequiredService<HibachiAdmin.Features.Leads.LeadService>().GetDtoAsync(accepted.LeadId!.Value, CancellationToken.None))!;
        Assert.Equal("Maria Lopez", (await contacts.GetSummaryAsync(lead.ContactId, CancellationToken.None))!.Name);

        var invisible = await inquiries.SubmitAsync(code.Slug, form with { Name = "\u0007\u202E\u2066", Phone = "(305) 555-0143" }, null, null, CancellationToken.None);
        Assert.Equal(InquiryOutcome.Invalid, invisible.Outcome);
        Assert.True(invisible.Errors!.ContainsKey(nameof(InquiryForm.Name)));

        // Inbound SMS and calls name a new contact from the provider's caller name.
        var texted = (await contacts.FindOrCreateByPhoneAsync("+12125550181", "Ava\u001B[2J\n Stone\u200E", CancellationToken.None))!.Value.Contact;
        Assert.Equal("Ava[2J Stone", texted.Name);
    }

    [Fact]
    public void A_name_never_decides_the_opt_out_line_and_never_brings_control_characters_into_a_text()
    {
        var rules = new CampaignRules(frequencyCapHours: 16, businessName: "Ember & Steel Hibachi", businessTimeZone: "America/New_York");
        Assert.Equal("Hi Send Stop, Dec dates are open! Reply STOP to opt out.", rules.Render("Hi {Name}, Dec dates are open!", "Send Stop"));
        Assert.Equal("Text Stop: Dec dates are open! Reply STOP to opt out.", rules.Render("{FirstName|there} Stop: Dec dates are open!", "Text Stop-Smith"));
        Assert.Equal("Hi Ann Smith! Reply STOP to opt out.", rules.Render("Hi {Name}!", Dirty));
        Assert.Equal("Hi Ann! Reply STOP to opt out.", rules.Render("Hi {FirstName|there}!", Dirty));
        Assert.Equal("Hi there! Reply STOP to opt out.", rules.Render("Hi {FirstName|there}!", "\u0007\u202E"));
        // The template's own instruction still counts, wherever a merge field sits around it.
        Assert.Equal("Hi Ann Smith, reply STOP to opt out", rules.Render("Hi {Name}, reply STOP to opt out", Dirty));
    }
}
