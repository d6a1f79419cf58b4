using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Who may be texted what: an opted-out number gets nothing but the opt-out confirmation and HELP
/// answers, marketing needs an opt-in, and a refusal costs nothing and does not block a later send.
/// Consent changes are ledgered with source, evidence and who; keywords apply in the texts' order.
/// </summary>
public sealed class SmsConsentTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private SmsService Sms => app.Services.GetRequiredService<SmsService>();
    private ContactService Contacts => app.Services.GetRequiredService<ContactService>();
    private static DateTime Now => TestClock.Start.UtcDateTime;

    private async Task<(Guid Id, string Phone)> ContactAsync(SmsConsent consent)
    {
        var number = TestPhones.Next("917");
        var phone = number.E164;
        var id = (await Contacts.FindOrCreateByPhoneAsync(phone, $"Consent {number.Line}", default))!.Value.Contact.Id;
        if (consent != SmsConsent.None)
        {
            Assert.True(await PersonConsent.SetAsync(app.Services, id, consent));
        }
        return (id, phone);
    }

    /// <summary>consent × purpose → refusal reason (null: sent).</summary>
    public static TheoryData<SmsConsent, SmsPurpose, string?> Rules() => new()
    {
        { SmsConsent.OptedOut, SmsPurpose.Marketing, "optedOut" },
        { SmsConsent.OptedOut, SmsPurpose.Transactional, "optedOut" },
        { SmsConsent.OptedOut, SmsPurpose.Conversational, "optedOut" },
        { SmsConsent.OptedOut, SmsPurpose.OptOutConfirmation, null },
        { SmsConsent.OptedOut, SmsPurpose.Help, null },
        { SmsConsent.None, SmsPurpose.Marketing, "noConsent" },
        { SmsConsent.None, SmsPurpose.Transactional, null },
        { SmsConsent.None, SmsPurpose.Conversational, null },
        { SmsConsent.OptedIn, SmsPurpose.Marketing, null },
        { SmsConsent.OptedIn, SmsPurpose.Transactional, null },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Consent_decides_what_may_be_sent(SmsConsent consent, SmsPurpose purpose, string? refusal)
    {
        var (_, phone) = await ContactAsync(consent);
        var result = await Sms.SendAsync(new OutboundSms(null, phone, "Hello from the hibachi team", purpose, $"rule:{phone}:{purpose}"), default);
        Assert.Equal(refusal is null, result.Accepted);
        Assert.Equal(refusal, result.RefusedReason);
        var row = (await Sms.GetAsync(result.MessageId!.Value, default))!;
        if (refusal is null)
        {
            Assert.NotEqual(OutboundStatus.Refused, row.Status);
            Assert.Equal(0.02m, row.Cost);
        }
        else
        {
            Assert.Equal((OutboundStatus.Refused, refusal, 0m, (string?)null), (row.Status, row.RefusedReason, row.Cost, row.CorrelationId));
        }
    }

    [Fact]
    public async Task A_refused_send_is_not_remembered_so_it_goes_once_consent_is_given()
    {
        var (id, phone) = await ContactAsync(SmsConsent.None);
        var sms = new OutboundSms(null, phone, "Holiday menu is out!", SmsPurpose.Marketing, $"campaign-7:{phone}");
        Assert.Equal("noConsent", (await Sms.SendAsync(sms, default)).RefusedReason);
        await PersonConsent.SetAsync(app.Services, id, SmsConsent.OptedIn);
        var sent = await Sms.SendAsync(sms, default);
        Assert.True(sent.Accepted);
        Assert.Equal(sent.MessageId, (await Sms.SendAsync(sms, default)).MessageId); // now idempotent
    }

    [Theory]
    [InlineData("12345", "Hi", "invalidNumber")]
    [InlineData(null, "", "emptyText")]
    [InlineData(null, "   ", "emptyText")]
    [InlineData(null, "1001", "tooLong")]
    [InlineData(null, "1000", null)]
    public async Task Bad_numbers_empty_and_overlong_texts_are_refused(string? to, string text, string? refusal)
    {
        var (_, phone) = await ContactAsync(SmsConsent.OptedIn);
        var body = int.TryParse(text, out var length) ? new string('a', length) : text;
        var result = await Sms.SendAsync(new OutboundSms(null, to ?? phone, body, SmsPurpose.Transactional), default);
        Assert.Equal(refusal, result.RefusedReason);
        Assert.Equal(refusal is null, result.Accepted);
    }

    [Fact]
    public async Task A_consent_change_is_ledgered_once_with_source_evidence_and_who()
    {
        var (id, _) = await ContactAsync(SmsConsent.None);
        var staff = new Actor("staff@test.local");
        Assert.True(await Contacts.SetConsentAsync(id, new ConsentChange(SmsConsent.OptedOut, "paper-form", new string('e', 2100)), staff, default));
        Assert.True(await Contacts.SetConsentAsync(id, new ConsentChange(SmsConsent.OptedOut, "paper-form", "again"), staff, default)); // no-op
        Assert.False(await Contacts.SetConsentAsync(Guid.NewGuid(), new ConsentChange(SmsConsent.OptedOut, "paper-form", null), staff, default));
        var (fresh, _) = await ContactAsync(SmsConsent.None);
        await Assert.ThrowsAsync<ArgumentException>(() => Contacts.SetConsentAsync(fresh, new ConsentChange(SmsConsent.OptedOut, " ", null), staff, default));

        var entry = Assert.Single(await Contacts.GetConsentHistoryAsync(id, default));
        Assert.Equal((SmsConsent.None, SmsConsent.OptedOut, "paper-form", 2000, "staff@test.local", Now), (entry.From, entry.To, entry.Source, entry.Evidence!.Length, entry.ChangedBy, entry.At));
        var contact = (await Contacts.GetAsync(id, default))!;
        Assert.Equal((SmsConsent.OptedOut, Now, "paper-form", Now), (contact.SmsConsent, contact.SmsConsentChangedAt, contact.SmsConsentSource, contact.UpdatedAt));
    }

    [Fact]
    public async Task Recording_a_consent_change_never_opts_anyone_in_and_never_undoes_a_STOP()
    {
        var staff = new Actor("staff@test.local");
        var (fresh, _) = await ContactAsync(SmsConsent.None);
        await Assert.ThrowsAsync<ArgumentNullException>("change", () => Contacts.SetConsentAsync(fresh, null!, staff, default));
        foreach (var to in new[] { SmsConsent.OptedIn, SmsConsent.PendingConfirmation })
        {
            var error = await Assert.ThrowsAsync<ArgumentException>("change", () => Contacts.SetConsentAsync(fresh, new ConsentChange(to, "paper-form", "signed"), staff, default));
            Assert.StartsWith("Only the person opts in: ask them with OptInRequestService (a confirmation text they answer YES to).", error.Message, StringComparison.Ordinal);
        }
        Assert.Equal(SmsConsent.None, (await Contacts.GetAsync(fresh, default))!.SmsConsent);
        Assert.Empty(await Contacts.GetConsentHistoryAsync(fresh, default));

        // After the person's STOP, staff recording "none" (they asked on the phone to be texted again) is refused.
        var (stopped, _) = await ContactAsync(SmsConsent.OptedOut);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Contacts.SetConsentAsync(stopped, new ConsentChange(SmsConsent.None, "phone-call", "asked to be texted again"), staff, default));
        Assert.Equal(ConsentPolicy.OnlyThePerson, refused.Message);
        Assert.Equal(SmsConsent.OptedOut, (await Contacts.GetAsync(stopped, default))!.SmsConsent);
        Assert.Equal(SmsConsent.OptedOut, Assert.Single(await Contacts.GetConsentHistoryAsync(stopped, default)).To);
    }

    private async Task<KeywordConsentOutcome> KeywordAsync(Guid id, SmsConsent to, DateTime sentAt)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var outcome = await Contacts.ApplyKeywordAsync(db, id, to, sentAt, $"keyword {to} at {sentAt:O}", default);
        await db.SaveChangesAsync();
        return outcome;
    }

    [Fact]
    public async Task Keywords_apply_in_the_order_they_were_sent()
    {
        var (id, _) = await ContactAsync(SmsConsent.None); // no change yet
        Assert.Equal(KeywordConsentOutcome.Applied, await KeywordAsync(id, SmsConsent.OptedOut, Now.AddMinutes(-10)));
        Assert.Equal(KeywordConsentOutcome.Unchanged, await KeywordAsync(id, SmsConsent.OptedOut, Now.AddMinutes(-5)));
        // A START sent before that STOP is evidence, not a change; one sent at the same instant applies.
        Assert.Equal(KeywordConsentOutcome.Superseded, await KeywordAsync(id, SmsConsent.OptedIn, Now.AddMinutes(-11)));
        Assert.Equal(SmsConsent.OptedOut, (await Contacts.GetAsync(id, default))!.SmsConsent);
        Assert.Equal(KeywordConsentOutcome.Applied, await KeywordAsync(id, SmsConsent.OptedIn, Now.AddMinutes(-10)));
        // A STOP older than the START it followed is evidence too (a newer keyword from the person wins).
        Assert.Equal(KeywordConsentOutcome.Superseded, await KeywordAsync(id, SmsConsent.OptedOut, Now.AddMinutes(-20)));
        var contact = (await Contacts.GetAsync(id, default))!;
        Assert.Equal((SmsConsent.OptedIn, ContactService.KeywordSource, Now.AddMinutes(-10)), (contact.SmsConsent, contact.SmsConsentSource, contact.SmsConsentChangedAt));

        var ledger = await Contacts.GetConsentHistoryAsync(id, default);
        var notApplied = ledger.Where(e => e.From == e.To).ToList();
        Assert.Equal(2, notApplied.Count);
        Assert.All(notApplied, e => Assert.StartsWith("Not applied (", e.Evidence));
        Assert.Contains(notApplied, e => e.At == Now.AddMinutes(-11) && e.Evidence!.Contains("OptedIn is older than the change at"));
        Assert.Equal(2, ledger.Count(e => e.From != e.To));
    }

    [Fact]
    public async Task A_stop_sent_before_a_staff_change_still_opts_out_but_a_start_does_not_override_staff()
    {
        var (id, _) = await ContactAsync(SmsConsent.None);
        // A staff ask stamped Now (the contact waits for YES): a STOP the person sent a minute before still wins.
        Assert.True((await Contacts.UpdateAsync(id, new ContactPatch { SmsConsent = SmsConsent.OptedIn, ConsentSource = "paper-form" }, Actor.System, default)).Succeeded);
        Assert.Equal(KeywordConsentOutcome.Applied, await KeywordAsync(id, SmsConsent.OptedOut, Now.AddMinutes(-1)));
        Assert.Equal(SmsConsent.OptedOut, (await Contacts.GetAsync(id, default))!.SmsConsent);

        var (other, _) = await ContactAsync(SmsConsent.OptedOut);
        Assert.Equal(KeywordConsentOutcome.Superseded, await KeywordAsync(other, SmsConsent.OptedIn, Now.AddMinutes(-1)));
        Assert.Equal(SmsConsent.OptedOut, (await Contacts.GetAsync(other, default))!.SmsConsent);
        // Staff record the person's spoken opt-out (a call) at Now: a START the person texted a minute before it does not undo it.
        var (called, _) = await ContactAsync(SmsConsent.None);
        Assert.True(await Contacts.SetConsentAsync(called, new ConsentChange(SmsConsent.OptedOut, "phone-call", "said stop texting me"), new Actor("staff@test.local"), default));
        Assert.Equal(KeywordConsentOutcome.Superseded, await KeywordAsync(called, SmsConsent.OptedIn, Now.AddMinutes(-1)));
        Assert.Equal((SmsConsent.OptedOut, "phone-call"), ((await Contacts.GetAsync(called, default))!.SmsConsent, (await Contacts.GetAsync(called, default))!.SmsConsentSource));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Contacts.ApplyKeywordAsync(db, Guid.NewGuid(), SmsConsent.OptedOut, Now, "x", default));
    }
}
