using HibachiAdmin.Common;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Contacts;

public sealed partial class ContactService
{
    /// <summary>
    /// A contact for a person known only on Instagram or Facebook (no phone yet), e.g. when their
    /// conversation becomes a lead. Consent stays none: no texts until they give a number and agree.
    /// </summary>
    public async Task<Guid> CreateSocialContactAsync(string name, string? instagramId, string? facebookId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        name = PersonNames.Clean(name);
        var contact = new Contact
        {
            Name = name.Length > Contact.MaxName ? name[..Contact.MaxName] : name,
            InstagramHandle = instagramId is { Length: <= Contact.MaxHandle } ig ? ig : null,
            FacebookHandle = facebookId is { Length: <= Contact.MaxHandle } fb ? fb : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact.Id;
    }
}
