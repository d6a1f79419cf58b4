using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Consent as only the person gives it: their own YES or STOP from their phone, recorded the way the inbound
/// keyword path records it. Tests that need an opted-in contact as a starting point use this; staff, forms
/// and imports can only ask (<see cref="OptInRequestService"/>), which is what the consent tests pin.
/// </summary>
public static class PersonConsent
{
    /// <summary>Creates the contact (without the consent in the request), then the person's own keyword for it.</summary>
    public static async Task<ContactWriteResult> CreateAsync(IServiceProvider services, CreateContactRequest request)
    {
        var contacts = services.GetRequiredService<ContactService>();
        var created = await contacts.CreateAsync(request with { SmsConsent = null, ConsentSource = null, ConsentEvidence = null }, Actor.System, default);
        if (!created.Succeeded || request.SmsConsent is null or SmsConsent.None)
        {
            return created;
        }
        await SetAsync(services, created.Contact!.Id, request.SmsConsent.Value);
        return new ContactWriteResult(await contacts.GetDtoAsync(created.Contact.Id, default));
    }

    /// <summary>The person texts YES (opted in) or STOP (opted out); None leaves the contact as it is.</summary>
    public static async Task<bool> SetAsync(IServiceProvider services, Guid contactId, SmsConsent consent, DateTime? sentAtUtc = null)
    {
        if (consent is not (SmsConsent.OptedIn or SmsConsent.OptedOut))
        {
            return true;
        }
        var at = sentAtUtc ?? services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var word = consent == SmsConsent.OptedIn ? "YES" : "STOP";
        await services.GetRequiredService<ContactService>().ApplyKeywordAsync(db, contactId, consent, at, $"Inbound SMS (test) at {at:O}: \"{word}\"", default);
        await db.SaveChangesAsync();
        return true;
    }
}
