using System.Net;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Inbox;

/// <summary>
/// Saved replies (issue 26.6): merge fields with their fallbacks (and what is missing said out loud), the person's next
/// party and a pay link from Payments, who may change shared and personal ones, and files for customers served inert.
/// One frozen host for the class; each test makes its own people and replies.
/// </summary>
public sealed class SavedReplyTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    [Theory]
    [InlineData("Hi {FirstName|there}!", "Ana", null, null, "Hi Ana!", "")]
    [InlineData("Hi {FirstName|there}!", null, null, null, "Hi there!", "")]
    [InlineData("Hi {FirstName}, see you {EventDate|soon}.", null, null, null, "Hi, see you soon.", "FirstName")]
    [InlineData("Your party is {EventDate}. Pay here: {DepositLink}", "Ana", "Saturday, December 19", "https://x.example/p/abc", "Your party is Saturday, December 19. Pay here: https://x.example/p/abc", "")]
    [InlineData("Pay here: {DepositLink} thanks", "Ana", null, null, "Pay here: thanks", "DepositLink")]
    [InlineData("{firstname|friend} keeps {Unknown} and {Other|x} as written", null, null, null, "friend keeps {Unknown} and {Other|x} as written", "")]
    [InlineData("Hi {FirstName|}!", null, null, null, "Hi!", "")]
    public void Merge_fills_each_field_or_its_fallback_and_reports_what_is_missing(string body, string? first, string? date, string? link, string expected, string missing)
    {
        var (text, gaps) = SavedReplyMerge.Render(body, new MergeValues(first, date, link));
        Assert.Equal(expected, text);
        Assert.Equal(missing, string.Join(",", gaps));
    }

    [Theory]
    [InlineData("Ana Lopez", "Ana")]
    [InlineData("  Ana  ", "Ana")]
    [InlineData("(212) 555-0147", null)]
    [InlineData("+12125550147", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_first_name_is_the_first_word_of_a_real_name(string? name, string? first) => Assert.Equal(first, SavedReplyMerge.FirstNameOf(name));

    [Fact]
    public void Uses_finds_a_field_in_any_case() =>
        Assert.Equal((true, false), (SavedReplyMerge.Uses("pay: {depositlink|later}", SavedReplyMerge.DepositLink), SavedReplyMerge.Uses("{FirstName}", SavedReplyMerge.DepositLink)));

    private async Task<(Guid ThreadId, Guid ContactId)> ThreadAsync(string name)
    {
        var phone = TestPhones.Next("212").E164;
        var contact = (await PersonConsent.CreateAsync(app.Services, new CreateContactRequest(name, phone, SmsConsent: SmsConsent.OptedIn))).Contact!;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var thread = new ConversationThread { Platform = Platform.Sms, ExternalId = phone, ContactId = contact.Id, Title = name, LastMessageAt = now, CreatedAt = now, LastInboundAt = now };
        db.Add(thread);
        await db.SaveChangesAsync();
        return (thread.Id, contact.Id);
    }

    [Fact]
    public async Task A_reply_is_merged_with_the_persons_first_name_next_party_and_a_pay_link_for_it()
    {
        var (threadId, contactId) = await ThreadAsync("Priya Shah");
        var replies = app.Services.GetRequiredService<SavedReplyService>();
        var plain = await replies.MergeAsync(threadId, "Hi {FirstName|there}, your party is {EventDate|not booked yet}. {DepositLink}", Actor.System, "https://hibachi.example/", default);
        Assert.Equal(("Hi Priya, your party is not booked yet.", "DepositLink"), (plain.Text, string.Join(",", plain.Missing)));

        var booking = await app.Services.GetRequiredService<BookingService>().RequestAsync(
            new BookingRequested(contactId, null, new DateOnly(2026, 12, 19), new TimeOnly(18, 0), 20, 60m, null, null, null, null), Actor.System, default);
        Assert.NotNull(booking.Booking);
        var merged = await replies.MergeAsync(threadId, "Hi {FirstName|there}, your party is {EventDate}. Deposit: {DepositLink}", Actor.System, "https://hibachi.example/", default);
        Assert.Empty(merged.Missing);
        Assert.StartsWith("Hi Priya, your party is Saturday, December 19. Deposit: https://", merged.Text, StringComparison.Ordinal);
        Assert.Contains("/p/", merged.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_manages_shared_replies_and_only_the_owner_their_own()
    {
        var replies = app.Services.GetRequiredService<SavedReplyService>();
        var who = Guid.NewGuid().ToString("N");
        var other = Guid.NewGuid().ToString("N");
        var refused = await replies.SaveAsync(null, "menu", "Our menu: …", shared: true, who, isAdmin: false, Actor.System, default);
        Assert.Equal(("shared", (SavedReplyView?)null), (refused.Field, refused.Reply));
        Assert.Equal("shortcut", (await replies.SaveAsync(null, "my menu", "x", shared: false, who, false, Actor.System, default)).Field);
        Assert.Equal("body", (await replies.SaveAsync(null, "menu", new string('x', SavedReplyService.MaxBody + 1), shared: false, who, false, Actor.System, default)).Field);

        var mine = (await replies.SaveAsync(null, "/thanks", "Thank you {FirstName|}!", shared: false, who, false, Actor.System, default)).Reply!;
        Assert.Equal(("thanks", false), (mine.Shortcut, mine.Shared));
        var shared = (await replies.SaveAsync(null, "menu", "Our menu: https://hibachi.example/files/x", shared: true, other, isAdmin: true, Actor.System, default)).Reply!;

        Assert.Equal("id", (await replies.SaveAsync(mine.Id, "thanks", "changed", false, other, false, Actor.System, default)).Field);
        Assert.Equal("id", (await replies.SaveAsync(shared.Id, "menu", "changed", false, who, false, Actor.System, default)).Field);
        Assert.False(await replies.DeleteAsync(mine.Id, other, isAdmin: true, default));
        Assert.False(await replies.DeleteAsync(shared.Id, who, isAdmin: false, default));

        var seen = await replies.ListAsync(who, default);
        Assert.Contains(seen, r => r.Id == mine.Id);
        Assert.Contains(seen, r => r.Id == shared.Id);
        Assert.DoesNotContain(await replies.ListAsync(other, default), r => r.Id == mine.Id);
        Assert.Equal(["thanks"], SavedReplyService.Match(seen.Where(r => r.Id == mine.Id || r.Id == shared.Id).ToList(), "th").Select(r => r.Shortcut));
        Assert.True(await replies.DeleteAsync(mine.Id, who, isAdmin: false, default));
    }

    [Fact]
    public async Task A_shared_file_is_served_inert_by_its_token_and_only_pdfs_and_pictures_are_taken()
    {
        var replies = app.Services.GetRequiredService<SavedReplyService>();
        Assert.NotNull((await replies.UploadAsync("evil.html", "text/html", "<script>alert(1)</script>"u8.ToArray(), Actor.System, default)).Error);
        Assert.NotNull((await replies.UploadAsync("empty.pdf", "application/pdf", [], Actor.System, default)).Error);
        var (file, error) = await replies.UploadAsync("../Menu 2026.pdf", "application/pdf", "%PDF-1.4 test"u8.ToArray(), Actor.System, default);
        Assert.Null(error);
        Assert.Equal("Menu 2026.pdf", file!.Name);

        var client = app.CreateClient();
        var response = await client.GetAsync(file.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", string.Join("", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join("", response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        Assert.Equal("%PDF-1.4 test", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/files/AAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/files/short")).StatusCode);
    }
}
