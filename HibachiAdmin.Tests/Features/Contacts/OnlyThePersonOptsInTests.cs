using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.QrCodes;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Features.Messaging;
using HibachiAdmin.Tests.Features.QrCodes;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>
/// Consent comes only from the person (issue 21, findings 1 and 2): a web form, staff or the API can only
/// ask, which texts the number once to confirm; the person's YES opts them in; nobody but the person undoes
/// a STOP. Runs the real app: the form, the API, the outbox, the SMS service and a recording provider.
/// </summary>
public sealed class OnlyThePersonOptsInTests
{
    private const string Customer = "+12125550188";

    private static InquiryForm Form(string name = "Not The Owner") => new()
    {
        Name = name, Phone = "(212) 555-0188", EventDate = new DateOnly(2027, 1, 16), Guests = 20, Zip = "10001", Message = "Party!", SmsConsent = true,
    };

    private static async Task<Guid> ExistingCustomerAsync(AppFactory app) =>
        (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(Customer, "Real Customer", default))!.Value.Contact.Id;

    private static async Task<List<ConsentRequest>> RequestsAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ConsentRequest>().AsNoTracking().OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).ToListAsync();
    }

    private static List<string> TextsTo(RecordingSmsProvider provider, string phone) => provider.Sent.Where(s => s.To == phone).Select(s => s.Text).ToList();

    private static async Task<SmsConsent> ConsentAsync(AppFactory app, Guid id) =>
        (await app.Services.GetRequiredService<ContactService>().GetSummaryAsync(id, default))!.SmsConsent;

    [Fact]
    public async Task A_form_with_someone_elses_number_never_opts_them_in_it_texts_the_number_once_to_confirm()
    {
        var (app, _, provider, _) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var customer = await ExistingCustomerAsync(app);
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Harbor Hall table 4", Type = QrCodeType.Table, UsesInquiryForm = true, Venue = "Harbor Hall", TableNumber = 4 });
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();

        Assert.Equal(InquiryOutcome.Accepted, (await inquiries.SubmitAsync(code.Slug, Form(), null, "203.0.113.0", default)).Outcome);
        await Pipeline.RunToCompletionAsync(app.Services);

        Assert.Equal(SmsConsent.PendingConfirmation, await ConsentAsync(app, customer));
        var request = Assert.Single(await RequestsAsync(app));
        Assert.Equal((ConsentRequestStatus.Sent, QrInquiryService.ConsentSource, customer), (request.Status, request.Source, request.ContactId));
        // The evidence: which form and page, when, from which network, the name typed and the exact wording shown.
        Assert.Contains($"/inquiry/{code.Slug}", request.Evidence);
        Assert.Contains("2026-11-24T16:00:00Z", request.Evidence);
        Assert.Contains("203.0.113.0", request.Evidence);
        Assert.Contains("\"Not The Owner\"", request.Evidence);
        Assert.Contains(inquiries.ConsentText, request.Evidence);
        var text = Assert.Single(TextsTo(provider, Customer));
        Assert.Equal(app.Services.GetRequiredService<SmsService>().ConsentRequestText, text);
        Assert.Contains("Reply YES", text);
        Assert.Contains("STOP", text);

        // Nothing marketing reaches a number that has not confirmed.
        var refused = await app.Services.GetRequiredService<SmsService>().SendAsync(new OutboundSms(customer, Customer, "Sale!", SmsPurpose.Marketing), default);
        Assert.Equal("pendingConfirmation", refused.RefusedReason);
    }

    [Fact]
    public async Task The_persons_YES_opts_them_in_and_they_get_the_opt_in_confirmation()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var customer = await ExistingCustomerAsync(app);
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Flyer", Type = QrCodeType.Flyer, UsesInquiryForm = true });
        await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(code.Slug, Form("Real Customer"), null, null, default);
        await Pipeline.RunToCompletionAsync(app.Services);

        time.Advance(TimeSpan.FromMinutes(3));
        await ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", ExactlyOnceTests.Sms(Customer, " Yes ", time.GetUtcNow(), 1));
        await Pipeline.RunToCompletionAsync(app.Services);

        Assert.Equal(SmsConsent.OptedIn, await ConsentAsync(app, customer));
        var history = await app.Services.GetRequiredService<ContactService>().GetConsentHistoryAsync(customer, default);
        Assert.Equal([(SmsConsent.PendingConfirmation, SmsConsent.OptedIn, ContactService.KeywordSource), (SmsConsent.None, SmsConsent.PendingConfirmation, QrInquiryService.ConsentSource)],
            history.Select(h => (h.From, h.To, h.Source)).ToArray());
        Assert.Equal([app.Services.GetRequiredService<SmsService>().ConsentRequestText, app.Services.GetRequiredService<SmsService>().OptInConfirmationText], TextsTo(provider, Customer));
    }

    [Fact]
    public async Task Repeated_forms_text_a_number_at_most_twice_and_the_second_only_a_day_after_the_first()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Flyer", Type = QrCodeType.Flyer, UsesInquiryForm = true });
        var inquiries = app.Services.GetRequiredService<QrInquiryService>();
        async Task SubmitAsync()
        {
            await inquiries.SubmitAsync(code.Slug, Form(), null, null, default);
            await Pipeline.RunToCompletionAsync(app.Services);
        }

        await SubmitAsync();
        time.Advance(TimeSpan.FromHours(23).Add(TimeSpan.FromMinutes(59)));
        await SubmitAsync(); // under a day: kept as evidence, not texted
        Assert.Single(TextsTo(provider, Customer));
        time.Advance(TimeSpan.FromMinutes(1));
        await SubmitAsync(); // a day after the first: the one reminder
        Assert.Equal(2, TextsTo(provider, Customer).Count);
        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromDays(2));
            await SubmitAsync(); // never a third
        }
        Assert.Equal(2, TextsTo(provider, Customer).Count);

        var requests = await RequestsAsync(app);
        Assert.Equal(6, requests.Count);
        Assert.Equal([ConsentRequestStatus.Sent, ConsentRequestStatus.NotSent, ConsentRequestStatus.Sent, ConsentRequestStatus.NotSent, ConsentRequestStatus.NotSent, ConsentRequestStatus.NotSent],
            requests.Select(r => r.Status).ToArray());
        Assert.Equal("not sent: a confirmation text went out less than a day ago", requests[1].Outcome);
        Assert.Equal("not sent: 2 confirmation texts are unanswered already", requests[5].Outcome);
    }

    [Fact]
    public async Task Only_this_persons_unanswered_questions_count_and_two_asks_in_one_save_text_them_once()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var asks = app.Services.GetRequiredService<OptInRequestService>();
        var dbs = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var customer = await ExistingCustomerAsync(app);
        var other = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("+12125550177", "Someone Else", default))!.Value.Contact.Id;
        async Task<OptInAskOutcome> AskAsync(params Guid[] ids)
        {
            await using var db = await dbs.CreateDbContextAsync();
            var outcome = OptInAskOutcome.Asked;
            foreach (var id in ids)
            {
                outcome = await asks.AskAsync(db, id, new OptInAsk("staff", "asked at the counter"), new HibachiAdmin.Common.Actor("staff@test.local"), default);
            }
            await db.SaveChangesAsync();
            await Pipeline.RunToCompletionAsync(app.Services);
            return outcome;
        }

        // Two asks for one person in one unit of work (an import naming the number twice): one question.
        Assert.Equal(OptInAskOutcome.AlreadyAsked, await AskAsync(customer, customer));
        Assert.Single(TextsTo(provider, Customer));
        // Someone else asked twice meanwhile: their questions are not this person's.
        time.Advance(TimeSpan.FromHours(1));
        await AskAsync(other);
        time.Advance(TimeSpan.FromDays(1));
        await AskAsync(other);
        Assert.Equal(2, TextsTo(provider, "+12125550177").Count);
        // In one unit of work: a new person asked, and this person's one reminder (a day after the first): someone
        // else's ask added just before is not this person's, so both are texted.
        var third = (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync("+12125550166", "Third Person", default))!.Value.Contact.Id;
        Assert.Equal(OptInAskOutcome.Asked, await AskAsync(third, customer));
        Assert.Equal(2, TextsTo(provider, Customer).Count);
        Assert.Single(TextsTo(provider, "+12125550166"));

        // The customer view lists every ask for the person, newest first, with its outcome.
        var listed = await asks.ForContactAsync(customer, default);
        Assert.Equal(3, listed.Count);
        Assert.True(listed.Zip(listed.Skip(1)).All(p => p.First.RequestedAt >= p.Second.RequestedAt), string.Join(", ", listed.Select(r => r.RequestedAt)));
        Assert.Equal(ConsentRequestStatus.Sent, listed[0].Status);
        Assert.All(listed, r => Assert.Equal("staff", r.Source));

        await using var unknown = await dbs.CreateDbContextAsync();
        var missing = Guid.NewGuid();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => asks.AskAsync(unknown, missing, new OptInAsk("staff", null), HibachiAdmin.Common.Actor.System, default));
        Assert.Contains(missing.ToString(), error.Message);
    }

    [Fact]
    public async Task A_form_never_texts_or_changes_someone_who_opted_out()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var customer = await ExistingCustomerAsync(app);
        await ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", ExactlyOnceTests.Sms(Customer, "STOP", time.GetUtcNow(), 1));
        await Pipeline.RunToCompletionAsync(app.Services);
        var code = await app.CreateCodeAsync(new QrCodeInput { Name = "Flyer", Type = QrCodeType.Flyer, UsesInquiryForm = true });
        time.Advance(TimeSpan.FromMinutes(1));

        await app.Services.GetRequiredService<QrInquiryService>().SubmitAsync(code.Slug, Form(), null, null, default);
        await Pipeline.RunToCompletionAsync(app.Services);

        Assert.Equal(SmsConsent.OptedOut, await ConsentAsync(app, customer));
        Assert.Equal([app.Services.GetRequiredService<SmsService>().OptOutConfirmationText], TextsTo(provider, Customer));
        var request = Assert.Single(await RequestsAsync(app));
        Assert.Equal((ConsentRequestStatus.NotSent, "not sent: the person opted out, only they can opt back in"), (request.Status, request.Outcome));
    }

    [Fact]
    public async Task After_a_STOP_staff_cannot_opt_the_person_back_in_the_API_answers_409_naming_smsConsent_and_stores_nothing()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var customer = await ExistingCustomerAsync(app);
        await ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", ExactlyOnceTests.Sms(Customer, "STOP", time.GetUtcNow(), 1));
        await Pipeline.RunToCompletionAsync(app.Services);
        time.Advance(TimeSpan.FromSeconds(4));
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);

        foreach (var consent in new[] { "optedIn", "pendingConfirmation", "none" })
        {
            var response = await marketing.PatchAsJsonAsync($"/api/v1/contacts/{customer}", new { name = "Renamed", smsConsent = consent, consentSource = "x" });
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(ConsentPolicy.OnlyThePerson, problem.GetProperty("errors").GetProperty("smsConsent")[0].GetString());
        }
        var contact = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{customer}");
        Assert.Equal(("optedOut", "Real Customer"), (contact.GetProperty("smsConsent").GetString(), contact.GetProperty("name").GetString()));
        Assert.Single(await app.Services.GetRequiredService<ContactService>().GetConsentHistoryAsync(customer, default));
        Assert.Empty(await RequestsAsync(app));
        await Pipeline.RunToCompletionAsync(app.Services);
        Assert.Single(TextsTo(provider, Customer)); // the opt-out confirmation only

        // Recording an opt-out again is allowed and changes nothing; the person's own START opts them back in.
        Assert.Equal(HttpStatusCode.OK, (await marketing.PatchAsJsonAsync($"/api/v1/contacts/{customer}", new { smsConsent = "optedOut", consentSource = "call" })).StatusCode);
        await ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", ExactlyOnceTests.Sms(Customer, "START", time.GetUtcNow(), 2));
        await Pipeline.RunToCompletionAsync(app.Services);
        Assert.Equal(SmsConsent.OptedIn, await ConsentAsync(app, customer));
    }

    [Fact]
    public async Task A_staff_opt_in_is_a_question_the_contact_waits_for_YES_and_campaigns_hold_them()
    {
        var (app, _, provider, _) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var created = await marketing.PostAsJsonAsync("/api/v1/contacts", new { name = "Paper Form", phone = "(212) 555-0189", tags = new[] { "dec" }, smsConsent = "optedIn", consentSource = "paper-form", consentEvidence = "signed at the tasting" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pendingConfirmation", body.GetProperty("smsConsent").GetString());
        await Pipeline.RunToCompletionAsync(app.Services);

        Assert.Equal([app.Services.GetRequiredService<SmsService>().ConsentRequestText], TextsTo(provider, "+12125550189"));
        var request = Assert.Single(await RequestsAsync(app));
        Assert.Equal(("paper-form", "signed at the tasting", "marketing@test.local"), (request.Source, request.Evidence, request.RequestedBy[..9] + request.RequestedBy[^11..]));
        var estimate = await (await marketing.PostAsJsonAsync("/api/v1/sms-campaigns/estimate",
            new { message = "Hi!", audience = new { includeTags = new[] { "dec" } } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 0, 1), (estimate.GetProperty("recipients").GetInt32(), estimate.GetProperty("eligible").GetInt32(), estimate.GetProperty("held").GetProperty(HoldReasons.PendingConfirmation).GetInt32()));

        // Withdrawing the question is allowed: nothing is sent for it any more.
        var withdrawn = await marketing.PatchAsJsonAsync($"/api/v1/contacts/{body.GetProperty("id").GetString()}", new { smsConsent = "none", consentSource = "asked us not to" });
        Assert.Equal("none", (await withdrawn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("smsConsent").GetString());
    }

    [Fact]
    public async Task A_staff_opt_in_for_a_contact_without_a_phone_is_refused_naming_smsConsent()
    {
        var (app, _, provider, _) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        Guid instagram;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var contact = new Contact { Name = "Insta Only", InstagramHandle = "insta.only" };
            db.Add(contact);
            await db.SaveChangesAsync();
            instagram = contact.Id;
        }
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);

        var response = await marketing.PatchAsJsonAsync($"/api/v1/contacts/{instagram}", new { name = "Insta Renamed", smsConsent = "optedIn", consentSource = "dm" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The contact has no phone number to confirm from.", problem.GetProperty("errors").GetProperty("smsConsent")[0].GetString());
        var contactNow = await marketing.GetFromJsonAsync<JsonElement>($"/api/v1/contacts/{instagram}");
        Assert.Equal(("none", "Insta Only"), (contactNow.GetProperty("smsConsent").GetString(), contactNow.GetProperty("name").GetString()));
        Assert.Empty(await RequestsAsync(app));
        await Pipeline.RunToCompletionAsync(app.Services);
        Assert.Empty(provider.Sent);
    }

    [Fact]
    public async Task A_question_asked_at_night_waits_for_the_persons_morning()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        // 16:00 UTC → 03:00 UTC next day: 22:00 in New York, after the federal window.
        time.Advance(TimeSpan.FromHours(11));
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        var created = await (await marketing.PostAsJsonAsync("/api/v1/contacts", new { name = "Night Owl", phone = "(212) 555-0190", smsConsent = "optedIn", consentSource = "phone-call" })).Content.ReadFromJsonAsync<JsonElement>();
        await Pipeline.RunToCompletionAsync(app.Services);
        Assert.Empty(TextsTo(provider, "+12125550190"));
        var request = Assert.Single(await RequestsAsync(app));
        Assert.Equal((ConsentRequestStatus.Scheduled, new DateTime(2026, 11, 25, 13, 0, 0, DateTimeKind.Utc)), (request.Status, request.DueAt)); // 08:00 New York

        var job = app.Services.GetRequiredService<OptInRequestJob>();
        time.Advance(TimeSpan.FromHours(9).Add(TimeSpan.FromMinutes(59))); // 07:59 in New York
        await job.RunAsync(default);
        Assert.Empty(TextsTo(provider, "+12125550190"));
        time.Advance(TimeSpan.FromMinutes(1));
        await job.RunAsync(default);
        await job.RunAsync(default); // a rerun sends nothing twice
        Assert.Single(TextsTo(provider, "+12125550190"));
        Assert.Equal(ConsentRequestStatus.Sent, Assert.Single(await RequestsAsync(app)).Status);
        Assert.Equal(SmsConsent.PendingConfirmation, await ConsentAsync(app, created.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_question_whose_person_answered_or_opted_out_before_it_left_is_not_sent()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        time.Advance(TimeSpan.FromHours(11)); // night in New York: the questions wait
        var contacts = app.Services.GetRequiredService<ContactService>();
        var ids = new List<Guid>();
        foreach (var (name, phone) in new[] { ("Answered", "(212) 555-0191"), ("Stopped", "(212) 555-0192"), ("Withdrawn", "(212) 555-0193") })
        {
            ids.Add((await contacts.CreateAsync(new CreateContactRequest(name, phone, SmsConsent: SmsConsent.OptedIn, ConsentSource: "paper-form"), HibachiAdmin.Common.Actor.System, default)).Contact!.Id);
        }
        await Pipeline.RunToCompletionAsync(app.Services);
        await PersonConsent.SetAsync(app.Services, ids[0], SmsConsent.OptedIn);
        await PersonConsent.SetAsync(app.Services, ids[1], SmsConsent.OptedOut);
        Assert.True((await contacts.UpdateAsync(ids[2], new ContactPatch { SmsConsent = SmsConsent.None, ConsentSource = "staff" }, HibachiAdmin.Common.Actor.System, default)).Succeeded);

        time.Advance(TimeSpan.FromHours(12));
        await app.Services.GetRequiredService<OptInRequestJob>().RunAsync(default);

        Assert.Empty(provider.Sent);
        Assert.Equal(new string?[] { "not sent: the person had confirmed already", "not sent: the person opted out", "not sent: the request was withdrawn or the number changed" },
            (await RequestsAsync(app)).OrderBy(r => ids.IndexOf(r.ContactId)).Select(r => r.Outcome).ToArray());
    }
}
