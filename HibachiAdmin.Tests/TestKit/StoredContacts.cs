using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Reads contacts back as stored, for tests that wrote them through the app.</summary>
public static class StoredContacts
{
    /// <summary>The contact with this E.164 number (its tags included), or null.</summary>
    public static async Task<Contact?> ContactByPhoneAsync(this AppFactory app, string e164)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<Contact>().Include(c => c.Tags).AsNoTracking().FirstOrDefaultAsync(c => c.Phone == e164);
    }
}
