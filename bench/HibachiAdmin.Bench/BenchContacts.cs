using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Bench;

/// <summary>Opted-in contacts in the New York area (one time zone), tagged, written in 5,000-row transactions.</summary>
internal static class BenchContacts
{
    public static async Task SeedOptedInAsync(WebApplicationFactory<Program> app, int total, string tag, CancellationToken ct)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var phones = app.Services.GetRequiredService<Phones>();
        string[] areaCodes = ["212", "718", "917", "516", "201", "973", "203", "914"];
        var now = DateTime.UtcNow;
        for (var chunk = 0; chunk < total; chunk += 5000)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            for (var i = chunk; i < Math.Min(total, chunk + 5000); i++)
            {
                var phone = $"+1{areaCodes[i % areaCodes.Length]}{i / 10000 + 200:D3}{i % 10000:D4}";
                var parsed = phones.Parse(phone)!;
                var contact = new Contact
                {
                    Name = $"Guest {i}", Phone = parsed.E164, State = parsed.State, TimeZones = string.Join(',', parsed.TimeZones),
                    SmsConsent = SmsConsent.OptedIn, CreatedAt = now, UpdatedAt = now,
                };
                contact.Tags.Add(new ContactTag { ContactId = contact.Id, Tag = tag });
                db.Add(contact);
            }
            await db.SaveChangesAsync(ct);
        }
    }
}
