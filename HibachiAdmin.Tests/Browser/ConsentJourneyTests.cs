using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace HibachiAdmin.Tests.Browser;

/// <summary>Double opt-in end to end on a phone: the form asks, the sandbox sends one question, only the person's YES opts in.</summary>
[Collection(TestCollections.MoreJourneys)]
public sealed class ConsentJourneyTests
{
    [BrowserFact]
    public async Task A_phone_asks_for_texts_on_the_form_gets_one_question_and_only_its_YES_opts_it_in()
    {
        // 16:00 UTC on a Tuesday: 11:00 in Miami, inside the sending hours; the clock moves with real time.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        await using var app = await BrowserApp.StartAsync(f =>
        {
            QrTestApp.Fast(f).With("RingCentral:VerificationToken", "journey-token");
            f.Time = time;
        });
        var code = await app.Factory.CreateCodeAsync(new QrCodeInput { Name = "Harbor Hall table 9", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 9 });

        await app.Page.SetViewportSizeAsync(390, 844);
        await app.Page.GotoAsync($"/inquiry/{code.Slug}");
        await app.Page.FillAsync("#Form\\.Name", "Maria Lopez");
        await app.Page.FillAsync("#Form\\.Phone", "(305) 555-0166");
        await app.Page.FillAsync("#Form\\.Guests", "18");
        await app.Page.CheckAsync("#Form\\.SmsConsent");
        await app.Page.ClickAsync("#inquiry-submit");
        await Assertions.Expect(app.Page.Locator("[data-testid=inquiry-confirm-note]")).ToContainTextAsync("reply YES");

        // The sandbox sends the one question in the background.
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await Eventually.UntilAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync();
            return await db.Set<ConsentRequest>().AnyAsync(r => r.Status == ConsentRequestStatus.Sent);
        }, "the confirmation text to be sent");
        var contact = (await app.Factory.Services.GetRequiredService<ContactService>().FindByPhoneAsync("+13055550166", default))!;
        Assert.Equal(SmsConsent.PendingConfirmation, contact.SmsConsent);

        // Staff, on a phone too, see who is waiting and exactly what the person was asked.
        await app.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        await app.Page.GotoAsync($"/contacts/{contact.Id}");
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=contact-consent]")).ToContainTextAsync("Waiting for YES");
        await Assertions.Expect(app.Page.Locator("[data-testid=opt-in-ask]")).ToContainTextAsync("Confirmation text sent");
        var question = app.Factory.Services.GetRequiredService<SmsService>().ConsentRequestText;
        await Assertions.Expect(app.Page.Locator("[data-testid=contact-conversation]")).ToContainTextAsync(question);
        Assert.True(await app.Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 390"), "the customer view fits a 390 px phone");

        // The person answers YES from their phone.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/ringcentral/webhooks/sms")
        {
            Content = new StringContent(ExactlyOnceTests.Sms("+13055550166", "YES", time.GetUtcNow(), 1), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Verification-Token", "journey-token");
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);
        await Eventually.UntilAsync(async () =>
            (await app.Factory.Services.GetRequiredService<ContactService>().GetSummaryAsync(contact.Id, default))!.SmsConsent == SmsConsent.OptedIn,
            "the YES to opt the person in");

        await app.Page.ReloadAsync();
        await app.WaitForCircuitAsync();
        await Assertions.Expect(app.Page.Locator("[data-testid=contact-consent]")).ToContainTextAsync("Opted in");
        await Assertions.Expect(app.Page.Locator("[data-testid=contact-conversation]")).ToContainTextAsync("YES");
        app.AssertNoCspViolations();
    }
}
