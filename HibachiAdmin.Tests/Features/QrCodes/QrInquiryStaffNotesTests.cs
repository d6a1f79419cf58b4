using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// Issue 21 finding 8: the inquiry form is anonymous, so anyone who knows a customer's number can send
/// inquiries for them. What they send is kept as the lead's inquiry messages, bounded on their own, and
/// never shortens, replaces or mixes with the staff's notes.
/// </summary>
public sealed class QrInquiryStaffNotesTests
{
    private const string VictimPhone = "(305) 555-0177";

    private static InquiryForm Inquiry(string message) => new()
    {
        Name = "Not The Owner", Phone = VictimPhone, EventDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), Guests = 20, Message = message,
    };

    private static async Task<(AppFactory App, QrCode Code, HttpClient Staff, string LeadId)> LeadWithStaffNoteAsync(string note)
    {
        var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Harbor Hall table 9", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 9 });
        var first = await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(code.Slug, Inquiry("Birthday for 20"), null, null, CancellationToken.None);
        Assert.Equal(InquiryOutcome.Accepted, first.Outcome);
        var staff = await app.CreateAdminClientAsync();
        var patched = await staff.PatchAsJsonAsync($"/api/v1/leads/{first.LeadId}", new { notes = note });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        return (app, code, staff, first.LeadId!.Value.ToString());
    }

    [Fact]
    public async Task Five_long_inquiries_with_a_customers_number_leave_the_staff_note_as_staff_wrote_it()
    {
        const string note = "Gate code 4471. Deposit promised by phone; owner asked for the 6 pm slot.";
        var (app, code, staff, leadId) = await LeadWithStaffNoteAsync(note);
        await using var _ = app;
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        for (var i = 0; i < 5; i++)
        {
            var result = await inquiries.SubmitAsync(code.Slug, Inquiry($"{i}:" + new string('x', InquiryForm.MaxMessage - 2)), null, null, CancellationToken.None);
            Assert.Equal((InquiryOutcome.Accepted, leadId), (result.Outcome, result.LeadId.ToString()));
        }

        var lead = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leadId}");
        Assert.Equal(note, lead.GetProperty("notes").GetString());
        var messages = lead.GetProperty("inquiries").EnumerateArray().Select(m => m.GetProperty("text").GetString()!).ToList();
        Assert.Equal(6, messages.Count);
        Assert.StartsWith("QR inquiry (Harbor Hall table 9): 4:", messages[0]); // newest first
        Assert.Equal("QR inquiry (Harbor Hall table 9): Birthday for 20", messages[^1]);
        Assert.All(lead.GetProperty("inquiries").EnumerateArray(), m => Assert.Equal("qrCode", m.GetProperty("source").GetString()));
        Assert.DoesNotContain(messages, m => m.Contains(note, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inquiry_messages_keep_their_own_bounds_the_newest_per_lead_each_cut_to_its_limit()
    {
        const string note = "Staff only: allergic to shellfish.";
        var (app, code, staff, leadId) = await LeadWithStaffNoteAsync(note);
        await using var _ = app;
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        var sent = LeadInquiry.MaxPerLead + 5;
        for (var i = 0; i < sent; i++)
        {
            await inquiries.SubmitAsync(code.Slug, Inquiry($"flood {i:D3}"), null, null, CancellationToken.None);
        }
        // The same message again is not a new one.
        await inquiries.SubmitAsync(code.Slug, Inquiry($"flood {sent - 1:D3}"), null, null, CancellationToken.None);

        var kept = await app.Services.GetRequiredService<LeadService>().GetInquiriesAsync(Guid.Parse(leadId), CancellationToken.None);
        Assert.Equal(LeadInquiry.MaxPerLead, kept.Count);
        Assert.Equal(Enumerable.Range(sent - LeadInquiry.MaxPerLead, LeadInquiry.MaxPerLead).Reverse().Select(i => $"QR inquiry (Harbor Hall table 9): flood {i:D3}"),
            kept.Select(m => m.Text));
        Assert.Equal(note, (await staff.GetFromJsonAsync<JsonElement>($"/api/v1/leads/{leadId}")).GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_lead_made_by_an_inquiry_starts_with_empty_staff_notes_and_its_message_apart()
    {
        await using var app = QrTestApp.Fast();
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Truck", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 1 });
        var result = await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(code.Slug, Inquiry("Ignore the notes, cancel my party"), null, null, CancellationToken.None);
        var lead = (await app.Services.GetRequiredService<LeadService>().GetDtoAsync(result.LeadId!.Value, CancellationToken.None))!;
        Assert.Null(lead.Notes);
        var message = Assert.Single(lead.Inquiries!);
        Assert.Equal((LeadSource.QrCode, "QR inquiry (Truck): Ignore the notes, cancel my party"), (message.Source, message.Text));
    }
}
