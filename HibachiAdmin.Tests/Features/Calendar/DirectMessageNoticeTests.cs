using HibachiAdmin.Common;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Calendar;

/// <summary>
/// "Tell the customer" by DM: offered only for an Instagram or Messenger conversation Meta still lets us answer (the
/// person wrote within 24 hours), and sent through the inbox's scheduled replies, so it lands in the conversation once.
/// </summary>
public sealed class DirectMessageNoticeTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private IDirectMessages Direct => app.Services.GetRequiredService<IDirectMessages>();

    private async Task<Guid> ThreadAsync(Guid contactId, Platform platform, TimeSpan sinceTheyWrote)
    {
        var now = app.Time!.GetUtcNow().UtcDateTime;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var thread = new ConversationThread
        {
            Platform = platform, ExternalId = Guid.NewGuid().ToString("N"), ContactId = contactId, Title = "Customer", CreatedAt = now - sinceTheyWrote,
            LastMessageAt = now - sinceTheyWrote, LastInboundAt = now - sinceTheyWrote, AccountId = "page-1",
        };
        db.Add(thread);
        await db.SaveChangesAsync();
        return thread.Id;
    }

    [Fact]
    public async Task Only_a_conversation_inside_Metas_window_is_offered_and_the_message_is_scheduled_in_it()
    {
        var (customer, _) = await app.CustomerAsync("Insta Person");
        await ThreadAsync(customer, Platform.Instagram, TimeSpan.FromHours(30)); // closed: Meta allows no reply
        Assert.Null(await Direct.OpenThreadAsync(customer, default));

        var open = await ThreadAsync(customer, Platform.Facebook, TimeSpan.FromHours(2));
        await ThreadAsync(customer, Platform.Sms, TimeSpan.FromMinutes(5)); // a text conversation is not a DM
        var offered = await Direct.OpenThreadAsync(customer, default);
        Assert.Equal((open, Platform.Facebook), (offered!.ThreadId, offered.Platform));

        var (sent, _) = await Direct.SendAsync(open, "Hi Insta, your hibachi party has moved to Sunday, Dec 13.", Actor.System, default);
        Assert.True(sent);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reply = Assert.Single(await db.Set<ScheduledReply>().AsNoTracking().Where(r => r.ThreadId == open).ToListAsync());
        Assert.Contains("moved to Sunday, Dec 13", reply.Text);
        Assert.False(reply.Marketing);
    }
}
