using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// The inquiry form behind a code: validation, honeypot, lead with source QrCode and its attribution through to revenue.
/// The tests share one host (one after another), each with a number of its own; "nothing stored" compares counts.
/// </summary>
public sealed class QrInquiryTests(QrAppFactory shared) : IClassFixture<QrAppFactory>
{
    private static async Task<(int Leads, int Contacts)> TotalsAsync(HttpClient admin) =>
        ((await admin.GetFromJsonAsync<JsonElement>("/api/v1/leads")).GetProperty("total").GetInt32(),
         (await admin.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("total").GetInt32());

    private static InquiryForm Valid(string phone = "(305) 555-0142") => new()
    {
        Name = "Maria Lopez", Phone = phone, EventDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), Guests = 25, Zip = "33101", Message = "Birthday, 6 pm", SmsConsent = true,
    };

    private static Task<QrCode> FormCodeAsync(AppFactory app, int table = 4) =>
        app.CreateCodeAsync(new QrCodeInput { Name = $"Harbor Hall table {table}", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = table });

    [Fact]
    public async Task An_inquiry_makes_a_QrCode_lead_linked_to_the_code_and_asks_the_number_to_confirm_with_the_consent_text_as_evidence()
    {
        var app = shared;
        var code = await FormCodeAsync(app);
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        var result = await inquiries.SubmitAsync(code.Slug.ToUpperInvariant(), Valid("(305) 555-0143"), null, "203.0.113.0", CancellationToken.None);
        Assert.Equal(InquiryOutcome.Accepted, result.Outcome);

        var lead = (await app.Services.GetRequiredService<LeadService>().GetDtoAsync(result.LeadId!.Value, CancellationToken.None))!;
        Assert.Equal((LeadSource.QrCode, LeadStatus.New, code.Id, 25, "33101"), (lead.Source, lead.Status, lead.QrCodeId, lead.GuestCount, lead.Zip));
        Assert.Equal(Valid().EventDate, lead.EventDate);
        Assert.Equal("Maria Lopez", lead.ContactName);
        Assert.Equal("+13055550143", lead.ContactPhone);
        Assert.Contains("Birthday, 6 pm", Assert.Single(lead.Inquiries!).Text);

        var contacts = app.Services.GetRequiredService<ContactService>();
        var contact = (await contacts.GetSummaryAsync(lead.ContactId, CancellationToken.None))!;
        // Anyone can type any number: the box asks the number's owner to confirm (double opt-in), it never opts in.
        Assert.Equal(SmsConsent.PendingConfirmation, contact.SmsConsent);
        var ledger = Assert.Single(await contacts.GetConsentHistoryAsync(lead.ContactId, CancellationToken.None));
        Assert.Equal(QrInquiryService.ConsentSource, ledger.Source);
        Assert.Contains(inquiries.ConsentText, ledger.Evidence);
        Assert.Contains(code.Slug, ledger.Evidence);
        Assert.Contains("203.0.113.0", ledger.Evidence);
    }

    [Fact]
    public async Task Without_the_box_ticked_consent_stays_none_and_a_second_inquiry_fills_the_same_open_lead()
    {
        var app = shared;
        var code = await FormCodeAsync(app);
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        var first = await inquiries.SubmitAsync(code.Slug, Valid("(305) 555-0144") with { SmsConsent = false }, null, null, CancellationToken.None);
        var second = await inquiries.SubmitAsync(code.Slug, Valid("(305) 555-0144") with { SmsConsent = false, Message = "Also a vegetarian menu?" }, null, null, CancellationToken.None);
        Assert.Equal(first.LeadId, second.LeadId);
        var lead = (await app.Services.GetRequiredService<LeadService>().GetDtoAsync(first.LeadId!.Value, CancellationToken.None))!;
        var contact = (await app.Services.GetRequiredService<ContactService>().GetSummaryAsync(lead.ContactId, CancellationToken.None))!;
        Assert.Equal(SmsConsent.None, contact.SmsConsent);
    }

    [Fact]
    public async Task The_honeypot_is_answered_like_a_success_and_stores_nothing()
    {
        var app = shared;
        var code = await FormCodeAsync(app);
        var admin = await app.CreateAdminClientAsync();
        var before = await TotalsAsync(admin);
        var result = await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(code.Slug, Valid("(305) 555-0146") with { Website = "http://spam.example" }, null, null, CancellationToken.None);
        Assert.Equal(new InquiryResult(InquiryOutcome.Discarded), result);
        Assert.Equal(before, await TotalsAsync(admin));
    }

    public static TheoryData<string, InquiryForm> Invalid() => new()
    {
        { nameof(InquiryForm.Name), Valid() with { Name = " " } },
        { nameof(InquiryForm.Name), Valid() with { Name = new string('a', 101) } },
        { nameof(InquiryForm.Phone), Valid() with { Phone = null } },
        { nameof(InquiryForm.Phone), Valid() with { Phone = "12" } },
        { nameof(InquiryForm.Phone), Valid() with { Phone = "call me maybe" } },
        { nameof(InquiryForm.Guests), Valid() with { Guests = null } },
        { nameof(InquiryForm.Guests), Valid() with { Guests = 0 } },
        { nameof(InquiryForm.Guests), Valid() with { Guests = 501 } },
        { nameof(InquiryForm.Zip), Valid() with { Zip = "3310" } },
        { nameof(InquiryForm.Zip), Valid() with { Zip = "ABCDE" } },
        { nameof(InquiryForm.EventDate), Valid() with { EventDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2) } },
        { nameof(InquiryForm.EventDate), Valid() with { EventDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3) } },
        { nameof(InquiryForm.Message), Valid() with { Message = new string('m', 1001) } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Each_invalid_field_gets_a_clear_message_and_nothing_is_stored(string field, InquiryForm form)
    {
        var app = shared;
        var code = await FormCodeAsync(app);
        var admin = await app.CreateAdminClientAsync();
        var before = await TotalsAsync(admin);
        var result = await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(code.Slug, form, null, null, CancellationToken.None);
        Assert.Equal(InquiryOutcome.Invalid, result.Outcome);
        Assert.Equal([field], result.Errors!.Keys.ToArray());
        Assert.EndsWith(".", result.Errors[field].Single());
        Assert.Equal(before, await TotalsAsync(admin));
    }

    [Fact]
    public async Task Unknown_and_switched_off_codes_take_no_inquiry()
    {
        var app = shared;
        var code = await FormCodeAsync(app);
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        Assert.Equal(InquiryOutcome.NotFound, (await inquiries.SubmitAsync("nosuchx", Valid(), null, null, CancellationToken.None)).Outcome);
        Assert.Equal(InquiryOutcome.NotFound, (await inquiries.SubmitAsync("bad slug!", Valid(), null, null, CancellationToken.None)).Outcome);
        await app.Services.GetRequiredService<QrCodeService>().SetActiveAsync(code.Id, false, CancellationToken.None);
        Assert.Equal(InquiryOutcome.Gone, (await inquiries.SubmitAsync(code.Slug, Valid(), null, null, CancellationToken.None)).Outcome);

        var client = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/inquiry/nosuchx")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/inquiry/{code.Slug}")).StatusCode);
    }

    [Fact]
    public async Task The_form_page_is_anonymous_shows_the_consent_text_and_posts_are_rate_limited()
    {
        await using var app = QrTestApp.Fast().With("RateLimits:InquiryPerMinute", "2");
        var code = await FormCodeAsync(app);
        var client = app.Browser();
        var page = await client.GetAsync($"/inquiry/{code.Slug}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Book a hibachi party", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(app.Services.GetRequiredService<QrInquiryService>().ConsentText), html);
        Assert.Contains("name=\"Form.Website\"", html);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsync($"/inquiry/{code.Slug}", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "inquiry", ["Form.Name"] = "x" }))).StatusCode);
        }
        Assert.NotEqual(HttpStatusCode.TooManyRequests, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[2]);
    }

    [Fact]
    public async Task Leads_bookings_and_revenue_reach_the_placement_leaderboard_including_an_earlier_scan_by_the_same_visitor()
    {
        var app = shared;
        var flyer = await app.CreateCodeAsync();
        var table = await FormCodeAsync(app, 9);
        var browser = app.Browser(cookies: true);
        await browser.GetAsync($"/q/{flyer.Slug}?qr=1");
        await browser.GetAsync($"/q/{table.Slug}?qr=1");
        await app.ScansEventuallyAsync(1, table.Id);
        var visitor = Assert.Single(await app.ScansEventuallyAsync(1, flyer.Id)).VisitorId;

        var result = await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(table.Slug, Valid("(305) 555-0145"), visitor, null, CancellationToken.None);
        var lead = (await app.Services.GetRequiredService<LeadService>().GetDtoAsync(result.LeadId!.Value, CancellationToken.None))!;

        var admin = await app.CreateAdminClientAsync();
        var booking = await admin.PostAsJsonAsync("/api/v1/bookings", new
        {
            contactId = lead.ContactId, leadId = lead.Id, eventDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"), guestCount = 25, pricePerPerson = 60,
        });
        Assert.Equal(HttpStatusCode.Created, booking.StatusCode);
        var bookingId = (await booking.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/bookings/{bookingId}/confirm", null)).StatusCode);

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var analytics = await app.Services.GetRequiredService<QrAnalyticsService>().GetAsync(today.AddDays(-1), today, null, false, CancellationToken.None);
        var rows = analytics.Placements.ToDictionary(p => p.QrCodeId);
        Assert.Equal((1L, 1, 1, 1500m), (rows[table.Id].Scans, rows[table.Id].Leads, rows[table.Id].Bookings, rows[table.Id].Revenue));
        Assert.Equal((1L, 1, 1, 1500m), (rows[flyer.Id].Scans, rows[flyer.Id].Leads, rows[flyer.Id].Bookings, rows[flyer.Id].Revenue));
        Assert.Equal("Harbor Hall · table 9", rows[table.Id].Placement);

        // A code's own analytics only lists that code.
        var one = await app.Services.GetRequiredService<QrAnalyticsService>().GetAsync(today, today, table.Id, false, CancellationToken.None);
        Assert.Equal([table.Id], one.Placements.Select(p => p.QrCodeId).ToArray());
    }
}
