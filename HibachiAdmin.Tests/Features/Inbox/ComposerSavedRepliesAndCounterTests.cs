using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Admin.Contracts;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Payments.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Inbox;

/// <summary>
/// The thread's composer (issue 26.5, 26.6): the SMS segment and cost counter follows every keystroke, '/' offers saved
/// replies and inserts one filled in for this person (Enter on the shortcut inserts, never texts it), and scheduled
/// replies are listed with Cancel.
/// </summary>
public sealed class ComposerSavedRepliesAndCounterTests : MudTestContext
{
    private readonly AppFactory _app = new AppFactory { Time = TestClock.Frozen() }.With("Hangfire:ProcessJobs", "false");

    protected override ValueTask DisposeResourcesAsync() => _app.DisposeAsync();

    private T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    private async Task<IRenderedComponent<ThreadView>> RenderThreadAsync()
    {
        var phone = TestPhones.Next("212").E164;
        var contact = (await PersonConsent.CreateAsync(_app.Services, new CreateContactRequest("Priya Shah", phone, SmsConsent: SmsConsent.OptedIn))).Contact!;
        var now = Get<TimeProvider>().GetUtcNow().UtcDateTime;
        await using (var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            db.Add(new ConversationThread { Platform = Platform.Sms, ExternalId = phone, ContactId = contact.Id, Title = "Priya Shah", LastMessageAt = now, CreatedAt = now, LastInboundAt = now });
            await db.SaveChangesAsync();
        }
        var threadId = (await Get<InboxQueries>().ListAsync(new ThreadQuery(Platform.Sms), default)).Items.Single(t => t.ContactId == contact.Id).Id;
        await Get<SavedReplyService>().SaveAsync(null, "menu", "Hi {FirstName|there}! Our menu: https://hibachi.example/files/menu", shared: true, "admin", isAdmin: true, Actor.System, default);
        foreach (var type in new[] { typeof(InboxQueries), typeof(InboxReplies), typeof(ThreadActions), typeof(ScheduledReplies), typeof(InboxNotifier), typeof(IContactService), typeof(ILeadService), typeof(IBookingService), typeof(Formats),
                     typeof(TimeProvider), typeof(IStaffDirectory), typeof(IPayLinks), typeof(SavedReplyService), typeof(IOptions<SmsOptions>) })
        {
            Services.AddSingleton(type, _app.Services.GetRequiredService(type));
        }
        Render<MudPopoverProvider>();
        var view = Render<ThreadView>(p => p.Add(v => v.ThreadId, threadId));
        view.WaitForAssertion(() => Assert.NotNull(view.Find("[data-testid=reply-text] textarea, textarea[data-testid=reply-text]")));
        return view;
    }

    private static AngleSharp.Dom.IElement Box(IRenderedComponent<ThreadView> view) => view.Find("[data-testid=reply-text] textarea, textarea[data-testid=reply-text]");

    [Fact]
    public async Task The_counter_follows_each_keystroke_and_slash_inserts_a_saved_reply_for_this_person()
    {
        var view = await RenderThreadAsync();
        Box(view).Input("See you Saturday!");
        view.WaitForAssertion(() => Assert.Equal("17 characters · 1 segment (GSM-7) · $0.02", Squash(view.Find("[data-testid=segment-counter]").TextContent)));
        Box(view).Input(new string('a', 150) + " — ok");
        view.WaitForAssertion(() => Assert.Equal("155 characters · 3 segments (UCS-2) · $0.06", Squash(view.Find("[data-testid=segment-counter]").TextContent)));

        Box(view).Input("Thanks! /me");
        var option = view.WaitForElement("[data-testid=saved-reply-option]");
        Assert.Contains("/menu", option.TextContent, StringComparison.Ordinal);
        await option.ClickAsync(new());
        view.WaitForAssertion(() => Assert.Equal("Thanks! Hi Priya! Our menu: https://hibachi.example/files/menu", Box(view).GetAttribute("value") ?? Box(view).TextContent));
        Assert.Empty(view.FindAll("[data-testid=saved-reply-menu]"));
    }

    [Fact]
    public async Task Enter_on_a_shortcut_inserts_the_reply_instead_of_texting_it_and_scheduled_ones_are_listed_with_cancel()
    {
        var view = await RenderThreadAsync();
        Box(view).Input("/menu");
        view.WaitForElement("[data-testid=saved-reply-option]");
        await view.Find("[data-testid=send-reply]").ClickAsync(new());
        view.WaitForAssertion(() => Assert.Equal("Hi Priya! Our menu: https://hibachi.example/files/menu", Box(view).GetAttribute("value") ?? Box(view).TextContent));
        Assert.Empty(await Get<IDbContextFactory<AppDbContext>>().CreateDbContext().Set<HibachiAdmin.Features.Messaging.OutboundMessage>().ToListAsync());

        var threadId = view.Instance.ThreadId;
        var now = Get<TimeProvider>().GetUtcNow().UtcDateTime;
        var scheduled = await Get<ScheduledReplies>().ScheduleReplyAsync(threadId, "Your deposit link is on its way.", now.AddHours(2), marketing: false, Actor.System, default);
        Assert.True(scheduled.Scheduled, scheduled.Detail);
        view.WaitForAssertion(() => Assert.Contains("Your deposit link is on its way.", view.Find("[data-testid=scheduled-reply]").TextContent, StringComparison.Ordinal));
        await view.Find("[data-testid=cancel-scheduled]").ClickAsync(new());
        view.WaitForAssertion(() => Assert.Empty(view.FindAll("[data-testid=scheduled-reply]")));
        Assert.Empty(await Get<ScheduledReplies>().ScheduledRepliesAsync(threadId, default));
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
