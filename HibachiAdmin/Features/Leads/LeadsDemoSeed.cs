using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads;

/// <summary>~60 leads across every status and source, with their status history (Seed:Demo=true).</summary>
public sealed class LeadsDemoSeed : IDemoSeedContributor
{
    private static readonly string[] Occasions = ["Birthday", "Wedding rehearsal", "Graduation", "Corporate lunch", "Anniversary", "Backyard party", "Bachelorette", "Holiday party"];
    private static readonly string[] LostReasons = ["Price", "Date not available", "Chose another caterer", "No response"];

    public int Order => 20;

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        if (!context.Items.TryGetValue(ContactsDemoSeed.ContactsKey, out var value) || value is not List<Guid> contacts || contacts.Count == 0)
        {
            return Task.CompletedTask;
        }
        var r = context.Random;
        var statuses = Enum.GetValues<LeadStatus>();
        var sources = Enum.GetValues<LeadSource>();
        var today = DateOnly.FromDateTime(context.UtcNow);
        foreach (var contactId in contacts.Take(60))
        {
            var status = statuses[r.Next(statuses.Length)];
            var created = context.UtcNow.AddDays(-r.Next(0, 60)).AddHours(-r.Next(0, 24));
            var guests = r.Next(10, 60);
            var lead = new Lead
            {
                ContactId = contactId,
                Source = sources[r.Next(sources.Length)],
                Status = status,
                LostReason = status == LeadStatus.Lost ? LostReasons[r.Next(LostReasons.Length)] : null,
                EventDate = r.Next(6) == 0 ? null : today.AddDays(r.Next(-20, 120)),
                GuestCount = guests,
                Occasion = Occasions[r.Next(Occasions.Length)],
                Zip = $"{r.Next(10001, 11999):D5}",
                EstimatedValue = guests * 60m,
                CreatedAt = created,
                UpdatedAt = created,
                StatusChangedAt = created,
            };
            db.Add(lead);
            db.Add(new LeadStatusChange { LeadId = lead.Id, To = LeadStatus.New, ChangedBy = "demo-seed", At = created, Reason = $"Created ({lead.Source})" });
            if (status != LeadStatus.New)
            {
                var moved = created.AddHours(r.Next(2, 72));
                db.Add(new LeadStatusChange { LeadId = lead.Id, From = LeadStatus.New, To = status, ChangedBy = "demo-seed", At = moved, Reason = lead.LostReason });
                lead.StatusChangedAt = moved;
                lead.UpdatedAt = moved;
            }
        }
        return Task.CompletedTask;
    }
}
