using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Leads;

/// <summary>
/// The lead rules staff rely on: one open lead per contact (new inquiries fill it, never overwrite
/// it), Lost needs a reason, a closed lead cannot be reopened while the contact has another open
/// lead (service, board and PATCH alike), and every move is recorded with who, when and why.
/// </summary>
public sealed class LeadStatusRulesTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private LeadService Leads => app.Services.GetRequiredService<LeadService>();
    private static readonly DateTime Now = TestClock.Start.UtcDateTime;
    private static readonly Actor Staff = new("staff@test.local");

    private async Task<Guid> ContactAsync()
    {
        var phone = TestPhones.Next("718");
        return (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(phone.Typed, $"Rules Person {phone.Line}", default))!.Value.Contact.Id;
    }

    [Fact]
    public async Task A_new_lead_starts_new_with_its_fields_and_a_created_entry_in_the_history()
    {
        var contact = await ContactAsync();
        var thread = Guid.NewGuid();
        var (id, created) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms, new DateOnly(2026, 12, 5), 12, "10001", "Brooklyn", "Birthday", 720m, "first text", ThreadId: thread), Staff, default);
        Assert.True(created);
        var lead = (await Leads.GetAsync(id, default))!;
        Assert.Equal((LeadStatus.New, LeadSource.Sms, new DateOnly(2026, 12, 5), 12, "10001", "Brooklyn", "Birthday", 720m, (string?)null, thread),
            (lead.Status, lead.Source, lead.EventDate, lead.GuestCount, lead.Zip, lead.Location, lead.Occasion, lead.EstimatedValue, lead.Notes, lead.ThreadId));
        // What came in is an inquiry message, never the staff's notes.
        Assert.Equal([new LeadInquiryView(LeadSource.Sms, "first text", Now)], await Leads.GetInquiriesAsync(id, default));
        Assert.Equal((Now, Now, Now), (lead.CreatedAt, lead.UpdatedAt, lead.StatusChangedAt));
        var entry = Assert.Single(await Leads.GetHistoryAsync(id, default));
        Assert.Equal((null, LeadStatus.New, "staff@test.local", Now, "via SMS"), (entry.From, entry.To, entry.ChangedBy, entry.At, entry.Reason));
    }

    [Fact]
    public async Task A_second_inquiry_fills_empty_fields_of_the_open_lead_and_adds_each_new_message_once()
    {
        var contact = await ContactAsync();
        var (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms, GuestCount: 12, Notes: "party of 12"), Staff, default);
        var call = Guid.NewGuid();
        var (again, created) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Phone, new DateOnly(2026, 12, 5), 40, "11201", Notes: "we are in 11201", CallId: call), Staff, default);
        Assert.Equal(id, again);
        Assert.False(created);
        await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Phone, Notes: "we are in 11201"), Staff, default);
        await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Phone, Notes: "  "), Staff, default);
        var lead = (await Leads.GetAsync(id, default))!;
        Assert.Equal(LeadSource.Sms, lead.Source);
        Assert.Equal(12, lead.GuestCount); // kept, not overwritten by 40
        Assert.Equal(new DateOnly(2026, 12, 5), lead.EventDate);
        Assert.Equal("11201", lead.Zip);
        Assert.Equal(call, lead.CallId);
        Assert.Null(lead.Notes);
        Assert.Equal([(LeadSource.Phone, "we are in 11201"), (LeadSource.Sms, "party of 12")],
            (await Leads.GetInquiriesAsync(id, default)).Select(m => (m.Source, m.Text)));
        Assert.Single(await Leads.GetHistoryAsync(id, default));
    }

    [Fact]
    public async Task Inquiry_messages_are_cut_to_their_limit_and_the_newest_are_kept_without_touching_staff_notes()
    {
        var contact = await ContactAsync();
        var (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms, Notes: new string('a', LeadInquiry.MaxText + 100)), Staff, default);
        Assert.Equal(new string('a', LeadInquiry.MaxText), Assert.Single(await Leads.GetInquiriesAsync(id, default)).Text);
        Assert.True((await Leads.UpdateAsync(id, new LeadPatch { Notes = (true, "staff: gate code 1234") }, Staff, default)).Succeeded);
        for (var i = 0; i < LeadInquiry.MaxPerLead; i++)
        {
            await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms, Notes: $"  text {i:D2} "), Staff, default);
        }
        var kept = await Leads.GetInquiriesAsync(id, default);
        Assert.Equal(LeadInquiry.MaxPerLead, kept.Count);
        Assert.Equal(Enumerable.Range(0, LeadInquiry.MaxPerLead).Reverse().Select(i => $"text {i:D2}"), kept.Select(m => m.Text));
        Assert.Equal("staff: gate code 1234", (await Leads.GetAsync(id, default))!.Notes);
    }

    [Fact]
    public async Task Messages_added_in_one_unit_of_work_count_toward_the_bound_and_are_not_repeated()
    {
        var contact = await ContactAsync();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Guid id = default;
        for (var i = 0; i < LeadInquiry.MaxPerLead + 2; i++)
        {
            (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms, Notes: $"batch {i:D2}"), Staff, default);
            await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms, Notes: $"batch {i:D2}"), Staff, default);
        }
        await db.SaveChangesAsync();
        var kept = await Leads.GetInquiriesAsync(id, default);
        // One instant for the whole batch: which ones are kept matters, not their order on the page.
        Assert.Equal(Enumerable.Range(2, LeadInquiry.MaxPerLead).Select(i => $"batch {i:D2}"), kept.Select(m => m.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task One_unit_of_work_never_makes_two_open_leads_and_a_closed_lead_gets_a_successor()
    {
        var contact = await ContactAsync();
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var (first, c1) = await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms), Staff, default);
            var (second, c2) = await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms, GuestCount: 8), Staff, default);
            Assert.Equal((first, true, false), (second, c1, c2));
            // Closed in the same unit of work: the next inquiry starts a new lead.
            Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(db, first, LeadStatus.Lost, "Price", Staff, default));
            var (third, c3) = await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms), Staff, default);
            Assert.True(c3);
            Assert.NotEqual(first, third);
            await db.SaveChangesAsync();
        }
        Assert.Equal(2, await CountLeadsAsync(contact));
        var booked = (await Leads.GetOpenLeadForContactAsync(contact, default))!.Id;
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(booked, LeadStatus.Booked, null, Staff, default));
        Assert.Null(await Leads.GetOpenLeadForContactAsync(contact, default));
        var (fourth, c4) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Website), Staff, default);
        Assert.True(c4);
        Assert.Equal(fourth, (await Leads.GetOpenLeadForContactAsync(contact, default))!.Id);
    }

    private async Task<int> CountLeadsAsync(Guid contact)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Lead>().CountAsync(l => l.ContactId == contact);
    }

    [Fact]
    public async Task Lost_needs_a_reason_and_the_move_is_recorded_with_who_when_and_why()
    {
        var contact = await ContactAsync();
        var (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        Assert.Equal(LeadChangeResult.Invalid, await Leads.ChangeStatusAsync(id, LeadStatus.Lost, null, Staff, default));
        Assert.Equal(LeadChangeResult.Invalid, await Leads.ChangeStatusAsync(id, LeadStatus.Lost, "   ", Staff, default));
        Assert.Equal(LeadChangeResult.Unchanged, await Leads.ChangeStatusAsync(id, LeadStatus.New, null, Staff, default));
        Assert.Equal(LeadChangeResult.NotFound, await Leads.ChangeStatusAsync(Guid.NewGuid(), LeadStatus.Qualified, null, Staff, default));
        Assert.Equal(LeadStatus.New, (await Leads.GetAsync(id, default))!.Status);

        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(id, LeadStatus.Lost, "  Went with a competitor ", Staff, default));
        var lost = (await Leads.GetAsync(id, default))!;
        Assert.Equal((LeadStatus.Lost, "Went with a competitor", Now), (lost.Status, lost.LostReason, lost.StatusChangedAt));
        var move = (await Leads.GetHistoryAsync(id, default))[^1];
        Assert.Equal((LeadStatus.New, LeadStatus.Lost, "Went with a competitor", "staff@test.local"), (move.From, move.To, move.Reason, move.ChangedBy));

        // Reopened: the lost reason goes.
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(id, LeadStatus.Qualified, null, Staff, default));
        var reopened = (await Leads.GetAsync(id, default))!;
        Assert.Equal(LeadStatus.Qualified, reopened.Status);
        Assert.Null(reopened.LostReason);
        Assert.Equal(3, (await Leads.GetHistoryAsync(id, default)).Count);
    }

    [Fact]
    public async Task A_closed_lead_cannot_be_reopened_while_the_contact_has_another_open_lead()
    {
        var contact = await ContactAsync();
        var (old, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(old, LeadStatus.Lost, "Price", Staff, default));
        var (current, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Phone), Staff, default);

        foreach (var reopen in new[] { LeadStatus.New, LeadStatus.Qualified, LeadStatus.Quoted })
        {
            Assert.Equal(LeadChangeResult.Conflict, await Leads.ChangeStatusAsync(old, reopen, null, Staff, default));
        }
        Assert.Equal(LeadStatus.Lost, (await Leads.GetAsync(old, default))!.Status);
        // Closed to closed is fine: it does not open anything.
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(old, LeadStatus.Booked, null, Staff, default));

        // PATCH goes through the same rule and says which lead is open.
        var client = await app.CreateClientInRoleAsync(Roles.Staff);
        var patch = await client.PatchAsJsonAsync($"/api/v1/leads/{old}", new { status = "qualified" });
        Assert.Equal(HttpStatusCode.Conflict, patch.StatusCode);
        Assert.Equal(current.ToString(), (await patch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingLeadId").GetString());
        Assert.Equal(LeadStatus.Booked, (await Leads.GetAsync(old, default))!.Status);

        // Once the other lead is closed, reopening works.
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(current, LeadStatus.Lost, "Duplicate", Staff, default));
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/v1/leads/{old}", new { status = "qualified" })).StatusCode);
        Assert.Equal(LeadStatus.Qualified, (await Leads.GetAsync(old, default))!.Status);
    }
}
