using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Leads;

/// <summary>
/// The lead rules field by field and move by move, on a clock that moves: every empty field filled by a new
/// inquiry and none overwritten, the times each move stamps, the history's order, the newest open lead,
/// conflicts seen inside one unit of work, and open boards told about a move.
/// </summary>
public sealed class LeadFieldsAndHistoryTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private static readonly Actor Staff = new("staff@test.local");
    private LeadService Leads => app.Services.GetRequiredService<LeadService>();
    private DateTime Tick() { app.Time!.Advance(TimeSpan.FromMinutes(1)); return app.Time.GetUtcNow().UtcDateTime; }

    private async Task<Guid> ContactAsync()
    {
        var phone = TestPhones.Next("718");
        return (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(phone.Typed, $"Field Person {phone.Line}", default))!.Value.Contact.Id;
    }

    private Task<AppDbContext> DbAsync() => app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    [Fact]
    public async Task A_new_inquiry_fills_every_empty_field_and_overwrites_none()
    {
        var contact = await ContactAsync();
        var created = Tick();
        var (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        var (thread, call, qr, campaign, message) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var filled = Tick();
        await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Phone, new DateOnly(2027, 3, 4), 30, "33101", "Miami", "Wedding", 1500m, "hello",
            thread, call, qr, campaign, message), Staff, default);
        // The notes that came in ("hello") are an inquiry message; the staff's notes stay empty.
        var expected = (LeadSource.Sms, (DateOnly?)new DateOnly(2027, 3, 4), (int?)30, "33101", "Miami", "Wedding", (decimal?)1500m, (string?)null,
            (Guid?)thread, (Guid?)call, (Guid?)qr, (Guid?)campaign, (Guid?)message);

        static object Fields(Lead l) => (l.Source, l.EventDate, l.GuestCount, l.Zip, l.Location, l.Occasion, l.EstimatedValue, l.Notes,
            l.ThreadId, l.CallId, l.QrCodeId, l.CampaignId, l.MessageId);

        var lead = (await Leads.GetAsync(id, default))!;
        Assert.Equal(expected, Fields(lead));
        Assert.Equal((created, filled, created), (lead.CreatedAt, lead.UpdatedAt, lead.StatusChangedAt));
        Assert.Equal([new LeadInquiryView(LeadSource.Phone, "hello", filled)], await Leads.GetInquiriesAsync(id, default));

        await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Website, new DateOnly(2028, 1, 1), 99, "10001", "Queens", "Birthday", 9m, null,
            Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()), Staff, default);
        await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Website), Staff, default);
        Assert.Equal(expected, Fields((await Leads.GetAsync(id, default))!));
    }

    [Fact]
    public async Task Each_move_stamps_its_time_and_the_history_reads_oldest_first()
    {
        var contact = await ContactAsync();
        var t0 = Tick();
        var (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        var t1 = Tick();
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(id, LeadStatus.Qualified, null, Staff, default));
        var qualified = (await Leads.GetAsync(id, default))!;
        Assert.Equal((t0, t1, t1), (qualified.CreatedAt, qualified.UpdatedAt, qualified.StatusChangedAt));
        Assert.Null(qualified.LostReason);

        var t2 = Tick();
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(id, LeadStatus.Quoted, " sent the menu ", Staff, default));
        // Same instant: the order they were made in.
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(id, LeadStatus.Booked, null, Staff, default));
        var booked = (await Leads.GetAsync(id, default))!;
        Assert.Equal((LeadStatus.Booked, t2, t2, (string?)null), (booked.Status, booked.UpdatedAt, booked.StatusChangedAt, booked.LostReason));

        var history = (await Leads.GetHistoryAsync(id, default)).Select(h => (h.From, h.To, h.At, h.Reason)).ToArray();
        Assert.Equal(new (LeadStatus?, LeadStatus, DateTime, string?)[]
        {
            (null, LeadStatus.New, t0, "via SMS"),
            (LeadStatus.New, LeadStatus.Qualified, t1, null),
            (LeadStatus.Qualified, LeadStatus.Quoted, t2, "sent the menu"),
            (LeadStatus.Quoted, LeadStatus.Booked, t2, null),
        }, history);
        Assert.Empty(await Leads.GetHistoryAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task The_newest_of_two_open_leads_is_the_open_lead()
    {
        var contact = await ContactAsync();
        var now = Tick();
        Guid older, newer;
        await using (var db = await DbAsync())
        {
            var a = new Lead { ContactId = contact, Source = LeadSource.Sms, Status = LeadStatus.Qualified, CreatedAt = now.AddDays(-2), UpdatedAt = now, StatusChangedAt = now };
            var b = new Lead { ContactId = contact, Source = LeadSource.Phone, Status = LeadStatus.New, CreatedAt = now.AddDays(-1), UpdatedAt = now, StatusChangedAt = now };
            var c = new Lead { ContactId = contact, Source = LeadSource.Phone, Status = LeadStatus.Lost, LostReason = "x", CreatedAt = now, UpdatedAt = now, StatusChangedAt = now };
            var d = new Lead { ContactId = contact, Source = LeadSource.Phone, Status = LeadStatus.Booked, CreatedAt = now, UpdatedAt = now, StatusChangedAt = now };
            db.AddRange(b, a, c, d);
            await db.SaveChangesAsync();
            (older, newer) = (a.Id, b.Id);
        }
        Assert.Equal(newer, (await Leads.GetOpenLeadForContactAsync(contact, default))!.Id);
        Assert.Equal((newer, false), await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms, GuestCount: 5), Staff, default));
        Assert.Null((await Leads.GetAsync(older, default))!.GuestCount);
        Assert.Null(await Leads.GetOpenLeadForContactAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task A_reopen_conflicts_with_an_open_lead_added_earlier_in_the_same_unit_of_work_and_not_with_another_contacts()
    {
        var contact = await ContactAsync();
        var someoneElse = await ContactAsync();
        var (old, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(old, LeadStatus.Lost, "Price", Staff, default));

        await using (var db = await DbAsync())
        {
            await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(someoneElse, LeadSource.Sms), Staff, default);
            Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(db, old, LeadStatus.Qualified, null, Staff, default));
            Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(db, old, LeadStatus.Lost, "Price again", Staff, default));
            var (fresh, created) = await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Phone), Staff, default);
            Assert.True(created);
            Assert.Equal(LeadChangeResult.Conflict, await Leads.ChangeStatusAsync(db, old, LeadStatus.Quoted, null, Staff, default));
            Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(db, old, LeadStatus.Booked, null, Staff, default));
            await db.SaveChangesAsync();
            Assert.Equal(fresh, (await Leads.GetOpenLeadForContactAsync(contact, default))!.Id);
        }
        Assert.Equal(LeadStatus.Booked, (await Leads.GetAsync(old, default))!.Status);
    }

    [Fact]
    public async Task A_lead_closed_earlier_in_the_unit_of_work_gets_a_successor_for_the_next_inquiry()
    {
        var contact = await ContactAsync();
        var (first, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        await using var db = await DbAsync();
        Assert.Equal((first, false), await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms), Staff, default));
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(db, first, LeadStatus.Booked, null, Staff, default));
        var (next, created) = await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms, GuestCount: 9), Staff, default);
        Assert.True(created);
        Assert.NotEqual(first, next);
        await db.SaveChangesAsync();
        Assert.Equal((LeadStatus.Booked, (int?)null), ((await Leads.GetAsync(first, default))!.Status, (await Leads.GetAsync(first, default))!.GuestCount));
        Assert.Equal(next, (await Leads.GetOpenLeadForContactAsync(contact, default))!.Id);
    }

    [Fact]
    public async Task Open_boards_are_told_about_a_move_once_it_is_saved_and_not_about_a_refused_one()
    {
        var contact = await ContactAsync();
        var (id, _) = await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        var told = 0;
        using var subscription = app.Services.GetRequiredService<LeadChanges>().Subscribe(() => { Interlocked.Increment(ref told); return Task.CompletedTask; });
        Assert.Equal(LeadChangeResult.Invalid, await Leads.ChangeStatusAsync(id, LeadStatus.Lost, " ", Staff, default));
        Assert.Equal(LeadChangeResult.Unchanged, await Leads.ChangeStatusAsync(id, LeadStatus.New, null, Staff, default));
        Assert.Equal(0, Volatile.Read(ref told));
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(id, LeadStatus.Qualified, null, Staff, default));
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref told) >= 1), "the board was told about the move");

        await using var db = await DbAsync();
        Assert.Equal(LeadChangeResult.Changed, await Leads.ChangeStatusAsync(db, id, LeadStatus.Quoted, null, Staff, default));
        Assert.Equal(1, Volatile.Read(ref told));
        await db.SaveChangesAsync();
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref told) >= 2), "the board was told once the caller saved");
    }

    [Fact]
    public async Task Open_boards_are_told_about_a_lead_an_inquiry_made_or_updated_once_it_is_saved()
    {
        var contact = await ContactAsync();
        var told = 0;
        using var subscription = app.Services.GetRequiredService<LeadChanges>().Subscribe(() => { Interlocked.Increment(ref told); return Task.CompletedTask; });

        await Leads.CreateOrUpdateOpenLeadAsync(new NewLead(contact, LeadSource.Sms), Staff, default);
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref told) == 1), "the board was told about the new lead");

        // In someone else's unit of work (an inbound text's handler): told when that commits, not before.
        await using var db = await DbAsync();
        Assert.False((await Leads.CreateOrUpdateOpenLeadAsync(db, new NewLead(contact, LeadSource.Sms, GuestCount: 12), Staff, default)).Created);
        Assert.Equal(1, Volatile.Read(ref told));
        await db.SaveChangesAsync();
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref told) == 2), "the board was told once the handler's unit of work saved");
    }
}
