using System.Net.Http.Json;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Features.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>
/// The double opt-in question as the person on the other end lives it (issue 21): a number that never answers
/// is asked at most twice, however often staff withdraw and ask again; an answer starts a fresh count; a question
/// about an old number never reaches it; the question leaves right after the ask is saved, not at the next sweep;
/// the morning's due questions go oldest first.
/// </summary>
public sealed class UnansweredQuestionsTests
{
    private static readonly Actor Staff = new("staff@test.local");

    private static async Task<OptInAskOutcome> AskAsync(AppFactory app, Guid contactId, string source = "staff")
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var outcome = await app.Services.GetRequiredService<OptInRequestService>().AskAsync(db, contactId, new OptInAsk(source, "asked at the counter"), Staff, default);
        await db.SaveChangesAsync();
        await Pipeline.RunToCompletionAsync(app.Services);
        return outcome;
    }

    private static async Task WithdrawAsync(AppFactory app, Guid contactId) =>
        Assert.True((await app.Services.GetRequiredService<ContactService>().UpdateAsync(contactId, new ContactPatch { SmsConsent = SmsConsent.None, ConsentSource = "staff" }, Staff, default)).Succeeded);

    private static async Task MoveAsync(AppFactory app, Guid contactId, string phone) =>
        Assert.True((await app.Services.GetRequiredService<ContactService>().UpdateAsync(contactId, new ContactPatch { Phone = phone }, Staff, default)).Succeeded);

    private static async Task<Guid> ContactAsync(AppFactory app, string phone, string name = "Quiet Person") =>
        (await app.Services.GetRequiredService<ContactService>().FindOrCreateByPhoneAsync(phone, name, default))!.Value.Contact.Id;

    private static async Task<List<ConsentRequest>> RequestsAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ConsentRequest>().AsNoTracking().OrderBy(r => r.RequestedAt).ThenBy(r => r.Phone).ToListAsync();
    }

    private static async Task<SmsConsent> ConsentAsync(AppFactory app, Guid id) =>
        (await app.Services.GetRequiredService<ContactService>().GetSummaryAsync(id, default))!.SmsConsent;

    [Fact]
    public async Task Withdrawing_and_asking_again_never_gets_a_silent_number_a_third_question()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var person = await ContactAsync(app, "+12125550301");

        Assert.Equal(OptInAskOutcome.Asked, await AskAsync(app, person));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(OptInAskOutcome.Asked, await AskAsync(app, person));
        await WithdrawAsync(app, person);
        time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(OptInAskOutcome.AlreadyAsked, await AskAsync(app, person));

        Assert.Equal(2, provider.Sent.Count(s => s.To == "+12125550301"));
        Assert.Equal("not sent: 2 confirmation texts are unanswered already", (await RequestsAsync(app))[^1].Outcome);
        // The ask is still recorded as what staff claimed, and marketing still waits for the person.
        Assert.Equal(SmsConsent.PendingConfirmation, await ConsentAsync(app, person));
    }

    [Fact]
    public async Task After_the_person_answers_a_later_question_is_asked_afresh()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var person = await ContactAsync(app, "+12125550302");
        await AskAsync(app, person);
        time.Advance(TimeSpan.FromDays(1));
        await AskAsync(app, person);
        time.Advance(TimeSpan.FromMinutes(5));
        await PersonConsent.SetAsync(app.Services, person, SmsConsent.OptedIn);
        Assert.Equal(OptInAskOutcome.AlreadyOptedIn, await AskAsync(app, person));
        // Months later staff clear the consent (the customer asked for a pause) and, later still, ask again.
        time.Advance(TimeSpan.FromDays(90));
        await WithdrawAsync(app, person);
        time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(OptInAskOutcome.Asked, await AskAsync(app, person));
        var questions = provider.Sent.Where(s => s.To == "+12125550302" && s.Text == app.Services.GetRequiredService<SmsService>().ConsentRequestText).ToList();
        Assert.Equal(3, questions.Count);
    }

    [Fact]
    public async Task A_contact_waiting_for_a_yes_with_no_question_on_record_is_asked_and_a_contact_without_a_phone_is_not()
    {
        var (app, _, provider, _) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var dbs = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var pending = await ContactAsync(app, "+12125550303", "Older Data");
        Guid noPhone;
        await using (var db = await dbs.CreateDbContextAsync())
        {
            // Data from before double opt-in: waiting for a YES, but the question was never sent.
            var contact = await db.Set<Contact>().SingleAsync(c => c.Id == pending);
            contact.SmsConsent = SmsConsent.PendingConfirmation;
            var instagram = new Contact { Name = "Insta Only", InstagramHandle = "insta.only" };
            db.Add(instagram);
            await db.SaveChangesAsync();
            noPhone = instagram.Id;
        }

        Assert.Equal(OptInAskOutcome.Asked, await AskAsync(app, pending));
        Assert.Single(provider.Sent, s => s.To == "+12125550303");
        Assert.Equal(OptInAskOutcome.NoPhone, await AskAsync(app, noPhone));
        Assert.Equal(SmsConsent.None, await ConsentAsync(app, noPhone));
        Assert.DoesNotContain(await RequestsAsync(app), r => r.ContactId == noPhone);

        await using var any = await dbs.CreateDbContextAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => app.Services.GetRequiredService<OptInRequestService>().AskAsync(any, pending, new OptInAsk(" ", null), Staff, default));
    }

    [Fact]
    public async Task A_new_number_has_not_said_yes_and_a_question_about_the_old_number_never_reaches_it()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var marketing = await app.CreateClientInRoleAsync(Roles.Marketing);
        // An opted-in customer changes numbers: the new number never agreed to anything.
        var customer = await ContactAsync(app, "+12125550304", "Changed Numbers");
        await PersonConsent.SetAsync(app.Services, customer, SmsConsent.OptedIn);
        var patched = await marketing.PatchAsJsonAsync($"/api/v1/contacts/{customer}", new { phone = "(212) 555-0305" });
        Assert.Equal("none", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("smsConsent").GetString());
        var history = await app.Services.GetRequiredService<ContactService>().GetConsentHistoryAsync(customer, default);
        Assert.Equal((SmsConsent.OptedIn, SmsConsent.None, ContactService.NumberChangedSource), (history[0].From, history[0].To, history[0].Source));

        // A question asked at night for one number, then the number changes and the new one is asked: in the
        // morning only the new number hears from us, once.
        time.Advance(TimeSpan.FromHours(11)); // 22:00 in New York
        var night = await ContactAsync(app, "+12125550306", "Night Change");
        await AskAsync(app, night);
        await MoveAsync(app, night, "(212) 555-0307");
        Assert.Equal(SmsConsent.None, await ConsentAsync(app, night));
        await AskAsync(app, night);
        time.Advance(TimeSpan.FromHours(10));
        await app.Services.GetRequiredService<OptInRequestJob>().RunAsync(default);

        Assert.DoesNotContain(provider.Sent, s => s.To == "+12125550306");
        Assert.Single(provider.Sent, s => s.To == "+12125550307");
        var requests = (await RequestsAsync(app)).Where(r => r.ContactId == night).ToList();
        Assert.Equal([(ConsentRequestStatus.NotSent, "+12125550306"), (ConsentRequestStatus.Sent, "+12125550307")], requests.Select(r => (r.Status, r.Phone)).ToArray());
        Assert.Equal("not sent: the request was withdrawn or the number changed", requests[0].Outcome);

        // A STOP stays with the contact whatever its number becomes.
        var stopped = await ContactAsync(app, "+12125550308", "Stopped");
        await PersonConsent.SetAsync(app.Services, stopped, SmsConsent.OptedOut);
        await MoveAsync(app, stopped, "(212) 555-0309");
        Assert.Equal(SmsConsent.OptedOut, await ConsentAsync(app, stopped));
    }

    [Fact]
    public async Task A_sent_question_shows_in_the_persons_text_thread_and_one_the_carrier_refused_says_why()
    {
        var (app, _, provider, _) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        provider.BeforeSend = (_, to) =>
        {
            if (to == "+12125550316")
            {
                throw new HttpRequestException("carrier refused the number");
            }
        };
        var reached = await ContactAsync(app, "+12125550315", "Reached");
        var refused = await ContactAsync(app, "+12125550316", "Refused");
        await AskAsync(app, reached);
        await AskAsync(app, refused);

        var inbox = app.Services.GetRequiredService<HibachiAdmin.Features.Inbox.InboxQueries>();
        var thread = Assert.Single(await inbox.ForContactAsync(reached, default));
        var detail = (await inbox.GetAsync(thread.Id, markRead: false, default))!;
        Assert.Equal(app.Services.GetRequiredService<SmsService>().ConsentRequestText, Assert.Single(detail.Messages).Text);
        Assert.Empty(await inbox.ForContactAsync(refused, default));

        var request = (await RequestsAsync(app)).Single(r => r.ContactId == refused);
        Assert.Equal(ConsentRequestStatus.NotSent, request.Status);
        Assert.Equal("not sent: providerError", request.Outcome);
        Assert.Equal(ConsentRequestStatus.Sent, (await RequestsAsync(app)).Single(r => r.ContactId == reached).Status);
    }

    [Fact]
    public async Task A_question_handled_twice_by_the_outbox_and_the_morning_sweep_racing_is_texted_once()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var person = await ContactAsync(app, "+12125550317", "Raced");
        await AskAsync(app, person);
        var request = Assert.Single(await RequestsAsync(app));
        var sender = app.Services.GetServices<IEventHandler>().OfType<OptInRequestSender>().Single();
        time.Advance(TimeSpan.FromMinutes(1));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await sender.SendAsync(db, request.Id, default); // the request was sent already: nothing to do
        await db.SaveChangesAsync();

        Assert.Single(provider.Sent, s => s.To == "+12125550317");
        // The record of when the question went out is not rewritten by the second pass.
        Assert.Equal((ConsentRequestStatus.Sent, request.DoneAt), (Assert.Single(await RequestsAsync(app)).Status, Assert.Single(await RequestsAsync(app)).DoneAt));
    }

    [Fact]
    public async Task The_question_leaves_right_after_the_ask_is_saved_one_wake_up_per_save()
    {
        var jobs = new RecordingJobClient();
        var (app, _, _, _) = ExactlyOnceTests.NewApp();
        var configure = app.ConfigureTestServices;
        app.ConfigureTestServices = s =>
        {
            configure?.Invoke(s);
            s.RemoveAll<Hangfire.IBackgroundJobClient>();
            s.AddSingleton<Hangfire.IBackgroundJobClient>(jobs);
        };
        await using var _ = app;
        var first = await ContactAsync(app, "+12125550310", "First");
        var second = await ContactAsync(app, "+12125550311", "Second");
        int Wakeups() { lock (jobs.Jobs) { return jobs.Jobs.Count(j => j.Job.Type == typeof(OutboxDispatchJob)); } }
        var before = Wakeups();

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var asks = app.Services.GetRequiredService<OptInRequestService>();
        Assert.Equal(OptInAskOutcome.Asked, await asks.AskAsync(db, first, new OptInAsk("staff", null), Staff, default));
        Assert.Equal(OptInAskOutcome.Asked, await asks.AskAsync(db, second, new OptInAsk("staff", null), Staff, default));
        Assert.Equal(before, Wakeups()); // nothing to deliver before the ask is saved
        await db.SaveChangesAsync();

        Assert.Equal(before + 1, Wakeups());
    }

    [Fact]
    public async Task The_mornings_due_questions_go_oldest_first_and_only_those_due_and_waiting()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        time.Advance(TimeSpan.FromHours(14)); // 06:00 UTC: night from New York (01:00) to Los Angeles (22:00)
        // Asked in this order; the mornings come New York (13:00 UTC), Chicago (14:00), Los Angeles (16:00).
        var la = await ContactAsync(app, "+12135550312", "Los Angeles");
        var chicago = await ContactAsync(app, "+13125550313", "Chicago");
        var newYork = await ContactAsync(app, "+12125550314", "New York");
        foreach (var id in new[] { la, chicago, newYork })
        {
            await AskAsync(app, id);
        }
        Assert.Empty(provider.Sent);
        var asks = app.Services.GetRequiredService<OptInRequestService>();
        var byContact = (await RequestsAsync(app)).ToDictionary(r => r.ContactId, r => r.Id);

        time.Advance(TimeSpan.FromHours(7).Add(TimeSpan.FromMinutes(30))); // 13:30 UTC
        Assert.Equal([byContact[newYork]], await asks.DueAsync(10, default));
        await app.Services.GetRequiredService<OptInRequestJob>().RunAsync(default);
        Assert.Single(provider.Sent);

        time.Advance(TimeSpan.FromHours(3)); // 16:30 UTC: the sent one is no longer due
        Assert.Equal([byContact[chicago], byContact[la]], await asks.DueAsync(10, default));
        Assert.Equal([byContact[chicago]], await asks.DueAsync(1, default));
    }
}
