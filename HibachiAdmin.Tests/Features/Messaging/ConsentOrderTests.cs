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

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>Consent follows the texts' own order (provider time), not the order they happen to be processed in.</summary>
public sealed class ConsentOrderTests
{
    private const string Phone = "+12125550188";

    private static async Task<(SmsConsent Consent, int Changes, int Evidence)> ConsentAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var contact = await db.Set<Contact>().SingleAsync(c => c.Phone == Phone);
        var ledger = await db.Set<ConsentLedgerEntry>().Where(e => e.ContactId == contact.Id).ToListAsync();
        return (contact.SmsConsent, ledger.Count(e => e.From != e.To), ledger.Count(e => e.From == e.To));
    }

    [Fact]
    public async Task An_older_START_processed_after_a_newer_STOP_does_not_opt_the_person_back_in()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var client = app.CreateClient();
        var sentStart = time.GetUtcNow();
        var sentStop = sentStart.AddSeconds(40);
        time.Advance(TimeSpan.FromMinutes(1));

        // STOP arrives (and is processed) first; the START it followed was stranded, e.g. by a crash.
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms(Phone, "STOP", sentStop, 2));
        await Pipeline.RunToCompletionAsync(app.Services);
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms(Phone, "START", sentStart, 1));
        await Pipeline.RunToCompletionAsync(app.Services);

        var (consent, changes, evidence) = await ConsentAsync(app.Services);
        Assert.Equal(SmsConsent.OptedOut, consent);
        Assert.Equal(1, changes);
        Assert.Equal(1, evidence); // the START is kept as evidence, not applied
        Assert.Equal(1, provider.CountTo(Phone)); // the opt-out confirmation only
        var marketing = await app.Services.GetRequiredService<ISmsService>().SendAsync(new OutboundSms(null, Phone, "Sale!", SmsPurpose.Marketing), default);
        Assert.Equal("optedOut", marketing.RefusedReason);
    }

    [Fact]
    public async Task In_order_START_after_STOP_opts_back_in_and_a_second_STOP_gets_no_second_confirmation()
    {
        var (app, _, provider, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var client = app.CreateClient();

        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms(Phone, "STOP", time.GetUtcNow(), 1));
        await Pipeline.RunToCompletionAsync(app.Services);
        time.Advance(TimeSpan.FromMinutes(1));
        // A second STOP, a new message with a new uuid: already opted out, so no second confirmation.
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms(Phone, "stop ", time.GetUtcNow(), 2));
        await Pipeline.RunToCompletionAsync(app.Services);
        Assert.Equal((SmsConsent.OptedOut, 1, 0), await ConsentAsync(app.Services));
        Assert.Equal(1, provider.CountTo(Phone));

        time.Advance(TimeSpan.FromMinutes(1));
        await ExactlyOnceTests.PostAsync(client, "sms", ExactlyOnceTests.Sms(Phone, "START", time.GetUtcNow(), 3));
        await Pipeline.RunToCompletionAsync(app.Services);
        Assert.Equal((SmsConsent.OptedIn, 2, 0), await ConsentAsync(app.Services));
        Assert.Equal(2, provider.CountTo(Phone)); // plus the opt-in confirmation
    }

    [Fact]
    public async Task A_STOP_sent_before_a_staff_opt_in_but_processed_after_it_still_opts_out()
    {
        var (app, _, _, time) = ExactlyOnceTests.NewApp();
        await using var _ = app;
        var contacts = app.Services.GetRequiredService<ContactService>();
        var contact = (await contacts.FindOrCreateByPhoneAsync(Phone, "Late Stop", default))!.Value.Contact;
        var sentStop = time.GetUtcNow();
        time.Advance(TimeSpan.FromSeconds(30));
        // Staff can only ask: the contact waits for the person's YES. A STOP the person sent before wins.
        Assert.True((await contacts.UpdateAsync(contact.Id, new ContactPatch { SmsConsent = SmsConsent.OptedIn, ConsentSource = "web-form" }, Actor.System, default)).Succeeded);
        Assert.Equal(SmsConsent.PendingConfirmation, (await ConsentAsync(app.Services)).Consent);

        await ExactlyOnceTests.PostAsync(app.CreateClient(), "sms", ExactlyOnceTests.Sms(Phone, "STOP", sentStop, 1));
        await Pipeline.RunToCompletionAsync(app.Services);

        // Revocation wins over a change we recorded later but that the person did not send.
        Assert.Equal(SmsConsent.OptedOut, (await ConsentAsync(app.Services)).Consent);
    }
}
