using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>
/// Consent at its edges: a number a carrier reported unreachable gets no marketing (but still texts about
/// a party, and an opt-out still says optedOut), a change without a source is refused with a reason,
/// evidence is kept as given, and a keyword for a contact that does not exist names it.
/// </summary>
public sealed class ConsentSourcesAndUnreachableNumbersTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private SmsService Sms => app.Services.GetRequiredService<SmsService>();
    private ContactService Contacts => app.Services.GetRequiredService<ContactService>();

    private async Task<(Guid Id, string Phone)> ContactAsync(SmsConsent consent, bool numberInvalid = false)
    {
        var number = TestPhones.Next("646");
        var phone = number.E164;
        var id = (await Contacts.FindOrCreateByPhoneAsync(phone, $"Edge {number.Line}", default))!.Value.Contact.Id;
        if (consent != SmsConsent.None)
        {
            Assert.True(await PersonConsent.SetAsync(app.Services, id, consent));
        }
        if (numberInvalid)
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            Assert.True(await Contacts.MarkNumberInvalidAsync(db, phone, "carrier: unreachable", TestClock.Start.UtcDateTime, default));
            await db.SaveChangesAsync();
        }
        return (id, phone);
    }

    public static TheoryData<SmsConsent, SmsPurpose, string?> InvalidNumberRules() => new()
    {
        { SmsConsent.OptedIn, SmsPurpose.Marketing, "invalidNumber" },
        { SmsConsent.OptedIn, SmsPurpose.Transactional, null },
        { SmsConsent.OptedIn, SmsPurpose.Conversational, null },
        { SmsConsent.OptedIn, SmsPurpose.Help, null },
        { SmsConsent.None, SmsPurpose.Marketing, "noConsent" },
        { SmsConsent.OptedOut, SmsPurpose.Marketing, "optedOut" },
        { SmsConsent.OptedOut, SmsPurpose.OptOutConfirmation, null },
    };

    [Theory]
    [MemberData(nameof(InvalidNumberRules))]
    public async Task A_number_reported_unreachable_gets_no_marketing_and_the_first_reason_wins(SmsConsent consent, SmsPurpose purpose, string? refusal)
    {
        var (_, phone) = await ContactAsync(consent, numberInvalid: true);
        var result = await Sms.SendAsync(new OutboundSms(null, phone, "Hello from the hibachi team", purpose, $"edge:{phone}:{purpose}"), default);
        Assert.Equal((refusal is null, refusal), (result.Accepted, result.RefusedReason));
    }

    [Theory]
    [InlineData(SmsConsent.None, SmsPurpose.Help)]
    [InlineData(SmsConsent.None, SmsPurpose.OptOutConfirmation)]
    [InlineData(SmsConsent.OptedIn, SmsPurpose.Conversational)]
    [InlineData(SmsConsent.OptedIn, SmsPurpose.OptOutConfirmation)]
    public async Task Replies_the_person_asked_for_go_whatever_the_consent(SmsConsent consent, SmsPurpose purpose)
    {
        var (_, phone) = await ContactAsync(consent);
        var result = await Sms.SendAsync(new OutboundSms(null, phone, "Reply", purpose, $"reply:{phone}:{purpose}"), default);
        Assert.True(result.Accepted, result.RefusedReason);
        Assert.Null(result.RefusedReason);
    }

    [Fact]
    public async Task A_refusal_is_stored_with_its_reason_and_unknown_numbers_get_no_marketing()
    {
        var unknown = TestPhones.Next("646").E164; // no contact for it
        var marketing = await Sms.SendAsync(new OutboundSms(null, unknown, "Sale", SmsPurpose.Marketing, $"unknown:{unknown}"), default);
        Assert.Equal((false, "noConsent"), (marketing.Accepted, marketing.RefusedReason));
        var stored = (await Sms.GetAsync(marketing.MessageId!.Value, default))!;
        Assert.Equal((OutboundStatus.Refused, "noConsent", unknown, (string?)null), (stored.Status, stored.RefusedReason, stored.To, stored.CorrelationId));
        var transactional = await Sms.SendAsync(new OutboundSms(null, unknown, "Your chef is on the way", SmsPurpose.Transactional), default);
        Assert.True(transactional.Accepted, transactional.RefusedReason);

        var badNumber = await Sms.SendAsync(new OutboundSms(null, "555", "Hi", SmsPurpose.Help), default);
        Assert.Equal((false, "invalidNumber"), (badNumber.Accepted, badNumber.RefusedReason));
        Assert.Equal("invalidNumber", (await Sms.GetAsync(badNumber.MessageId!.Value, default))!.RefusedReason);
    }

    [Fact]
    public async Task A_change_without_a_source_is_refused_with_a_reason_and_evidence_is_kept_as_given()
    {
        var (id, _) = await ContactAsync(SmsConsent.None);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Contacts.SetConsentAsync(id, new ConsentChange(SmsConsent.OptedOut, "", "form"), Actor.System, default));
        Assert.Equal("change", error.ParamName);
        Assert.StartsWith("A consent change needs a source.", error.Message);
        Assert.Empty(await Contacts.GetConsentHistoryAsync(id, default));

        Assert.True(await Contacts.SetConsentAsync(id, new ConsentChange(SmsConsent.OptedOut, "phone-call", new string('e', 2000)), Actor.System, default));
        Assert.Equal(new string('e', 2000), Assert.Single(await Contacts.GetConsentHistoryAsync(id, default)).Evidence);
        var (other, _) = await ContactAsync(SmsConsent.None);
        Assert.True(await Contacts.SetConsentAsync(other, new ConsentChange(SmsConsent.OptedOut, "paper-form", null), Actor.System, default));
        Assert.Null(Assert.Single(await Contacts.GetConsentHistoryAsync(other, default)).Evidence);
    }

    [Fact]
    public async Task A_keyword_for_a_contact_that_does_not_exist_names_it()
    {
        var missing = Guid.NewGuid();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Contacts.ApplyKeywordAsync(db, missing, SmsConsent.OptedIn, TestClock.Start.UtcDateTime, "x", default));
        Assert.Equal($"Contact {missing} does not exist.", error.Message);
    }

    [Fact]
    public async Task A_keyword_applies_to_the_contact_this_unit_of_work_already_holds()
    {
        // A new sender whose first text is STOP: the contact is created and opted out in one unit of work.
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var phone = TestPhones.Next("646").E164;
        var created = (await Contacts.FindOrCreateByPhoneAsync(db, phone, "New Sender", default))!.Value;
        Assert.True(created.Created);
        var at = TestClock.Start.UtcDateTime.AddMinutes(-1);
        Assert.Equal(KeywordConsentOutcome.Applied, await Contacts.ApplyKeywordAsync(db, created.Contact.Id, SmsConsent.OptedOut, at, "STOP", default));
        Assert.Equal(KeywordConsentOutcome.Unchanged, await Contacts.ApplyKeywordAsync(db, created.Contact.Id, SmsConsent.OptedOut, at, "STOP", default));
        await db.SaveChangesAsync();
        var contact = (await Contacts.GetAsync(created.Contact.Id, default))!;
        Assert.Equal((SmsConsent.OptedOut, at, ContactService.KeywordSource), (contact.SmsConsent, contact.SmsConsentChangedAt, contact.SmsConsentSource));
        var entry = Assert.Single(await Contacts.GetConsentHistoryAsync(contact.Id, default));
        Assert.Equal(("STOP", "system", phone), (entry.Evidence, entry.ChangedBy, entry.Phone));
    }
}
