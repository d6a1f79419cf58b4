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
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>SmsService.SendManyAsync and its provider call: what is stored for every kind of text, refusals by word, keys answered once.</summary>
public sealed class InDoubtSmsTestsOfSendMany
{
    [Fact]
    public async Task A_batch_stores_every_text_with_its_fields_and_answers_each_in_input_order()
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        var ava = await SmsTestApp.AddAsync(s, "Ava In", "+12125550201", SmsConsent.OptedIn);
        var ben = await SmsTestApp.AddAsync(s, "Ben None", "+12125550202", SmsConsent.None);
        await SmsTestApp.AddAsync(s, "Cy Out", "+12125550203", SmsConsent.OptedOut);
        var longError = new string('e', 499) + "XYZ";
        provider.OnSend = (_, to) =>
        {
            time.Advance(TimeSpan.FromSeconds(1)); // the provider's answer comes a second later
            return Task.FromResult(to == "+12125550209" ? new ProviderSendResult(false, null, longError) : null);
        };
        var twoSegments = new string('a', 200);
        var batch = new OutboundSms[]
        {
            new(null, "(212) 555-0201", twoSegments, SmsPurpose.Marketing, "k:0"),
            new(ava, "+12125550202", "Your party is confirmed", SmsPurpose.Transactional),
            new(null, "+12125550202", "Deal", SmsPurpose.Marketing, "k:2"),
            new(null, "+12125550203", "Deal", SmsPurpose.Marketing),
            new(null, "not a number at all, 12345", "x", SmsPurpose.Transactional),
            new(null, "12", "x", SmsPurpose.Transactional),
            new(null, "+12125550201", "   ", SmsPurpose.Transactional),
            new(null, "+12125550201", new string('b', 1001), SmsPurpose.Transactional),
            new(null, "+12125550201", new string('c', 1000), SmsPurpose.Transactional, "k:8"),
            new(null, "+12125550209", "Reminder", SmsPurpose.Transactional, "k:9"),
            new(null, "+12125550201", null!, SmsPurpose.Transactional),
            new(null, "+12125550201", "Hi 😀", SmsPurpose.Conversational),
        };
        await Assert.ThrowsAsync<ArgumentNullException>("batch", () => s.GetRequiredService<SmsService>().SendManyAsync(null!, default));
        var results = await s.GetRequiredService<SmsService>().SendManyAsync(batch, default);

        Assert.Equal(batch.Length, results.Count);
        Assert.Equal([true, true, false, false, false, false, false, false, true, false, false, true], results.Select(r => r.Accepted));
        Assert.Equal([null, null, "noConsent", "optedOut", "invalidNumber", "invalidNumber", "emptyText", "tooLong", null, "providerError", "emptyText", null],
            results.Select(r => r.RefusedReason));
        Assert.All(results, r => Assert.Equal(r.Accepted ? ScriptedSmsProvider.IdFor(r.MessageId!.Value) : null, r.ProviderMessageId));
        Assert.Equal(["+12125550201", "+12125550202", "+12125550201", "+12125550201"], provider.Sent.Select(x => x.To));

        var stored = (await SmsTestApp.MessagesAsync(s)).ToDictionary(m => m.Id);
        Assert.Equal(batch.Length, stored.Count);
        Assert.Equal(batch.Length, results.Select(r => r.MessageId!.Value).Distinct().Count());
        var m = results.Select(r => stored[r.MessageId!.Value]).ToList();
        var start = TestClock.Start.UtcDateTime;

        // An accepted marketing text: the contact found by its number, the fields, queued with its provider id.
        Assert.Equal(((Guid?)ava, "+12125550201", twoSegments, SmsPurpose.Marketing, OutboundStatus.Queued, "GSM-7", 2, 0.10m, "k:0", "scripted"),
            (m[0].ContactId, m[0].To, m[0].Text, m[0].Purpose, m[0].Status, m[0].Encoding, m[0].Segments, m[0].Cost, m[0].CorrelationId, m[0].Provider));
        Assert.Equal((start, start.AddSeconds(1), ScriptedSmsProvider.IdFor(m[0].Id), (string?)null, (string?)null), (m[0].CreatedAt, m[0].UpdatedAt, m[0].ProviderMessageId, m[0].Error, m[0].RefusedReason));
        var accepted = Assert.Single(await SmsTestApp.ChangesAsync(s, m[0].Id));
        Assert.Equal((OutboundStatus.Queued, "accepted by the app", start), (accepted.Status, accepted.Detail, accepted.At));
        // The caller's contact id wins over the number's.
        Assert.Equal(((Guid?)ava, SmsPurpose.Transactional, 1), (m[1].ContactId, m[1].Purpose, m[1].Segments));
        Assert.NotEqual(ben, m[1].ContactId);
        // Refused: stored without its key (a later send may go), free, no provider, and the contact still linked.
        Assert.Equal((OutboundStatus.Refused, "noConsent", (string?)null, 0m, (Guid?)ben, (string?)null), (m[2].Status, m[2].RefusedReason, m[2].CorrelationId, m[2].Cost, m[2].ContactId, m[2].ProviderMessageId));
        Assert.Equal((OutboundStatus.Refused, "optedOut"), (m[3].Status, m[3].RefusedReason));
        Assert.Empty(await SmsTestApp.ChangesAsync(s, m[3].Id));
        // An invalid number is kept as typed, cut to the column's 20 characters.
        Assert.Equal(("not a number at all,", (Guid?)null), (m[4].To, m[4].ContactId));
        Assert.Equal("12", m[5].To);
        Assert.Equal(("   ", 0m), (m[6].Text, m[6].Cost));
        Assert.Equal((1001, OutboundStatus.Refused), (m[7].Text.Length, m[7].Status));
        Assert.Equal((OutboundStatus.Queued, 7, 0.35m), (m[8].Status, m[8].Segments, m[8].Cost));
        // The provider's refusal: failed, its error cut to 500 characters, in the history too.
        Assert.Equal((OutboundStatus.Failed, longError[..500], (string?)null, "k:9", start.AddSeconds(4)), (m[9].Status, m[9].Error, m[9].ProviderMessageId, m[9].CorrelationId, m[9].UpdatedAt));
        Assert.Equal([(OutboundStatus.Queued, "accepted by the app"), (OutboundStatus.Failed, longError[..500])],
            (await SmsTestApp.ChangesAsync(s, m[9].Id)).Select(c => (c.Status, c.Detail)));
        Assert.Equal(start.AddSeconds(4), (await SmsTestApp.ChangesAsync(s, m[9].Id))[1].At);
        Assert.Equal(("", OutboundStatus.Refused), (m[10].Text, m[10].Status));
        Assert.Equal(("UCS-2", 1, SmsPurpose.Conversational), (m[11].Encoding, m[11].Segments, m[11].Purpose));
    }

    [Fact]
    public async Task A_retry_with_the_same_key_answers_from_the_first_attempt_and_a_key_repeated_in_one_batch_sends_once()
    {
        var (app, _, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        var ava = await SmsTestApp.AddAsync(s, "Ava In", "+12125550211", SmsConsent.OptedIn);
        var ben = await SmsTestApp.AddAsync(s, "Ben None", "+12125550212", SmsConsent.None);
        var sms = s.GetRequiredService<SmsService>();
        provider.OnSend = (_, to) => Task.FromResult(to == "+12125550213" ? new ProviderSendResult(false, null, "carrier said no") : null);
        OutboundSms A(string key) => new(ava, "+12125550211", "Book now", SmsPurpose.Marketing, key);
        var toBen = new OutboundSms(ben, "+12125550212", "Book now", SmsPurpose.Marketing, "k:ben");
        var failing = new OutboundSms(null, "+12125550213", "Reminder", SmsPurpose.Transactional, "k:fail");

        var first = await sms.SendManyAsync([A("k:1"), A("k:1"), A("k:2"), toBen, toBen, failing], default);
        Assert.Equal(2, provider.CountTo("+12125550211"));
        Assert.Equal(first[0], first[1]);
        Assert.NotEqual(first[0].MessageId, first[2].MessageId);
        Assert.Equal((false, "noConsent"), (first[3].Accepted, first[3].RefusedReason));
        Assert.Equal(first[3], first[4]);
        Assert.Equal(new SmsSendResult(false, first[5].MessageId, null, "providerError"), first[5]);

        // A retry (a crash and a new run): the same answers, no new text, nothing new stored.
        var before = (await SmsTestApp.MessagesAsync(s)).Count;
        var again = await sms.SendManyAsync([A("k:2"), A("k:1"), failing], default);
        Assert.Equal([first[2], first[0], first[5]], again);
        Assert.Equal(2, provider.Sent.Count);
        Assert.Equal(before, (await SmsTestApp.MessagesAsync(s)).Count);
        Assert.Equal(first[0], await sms.SendAsync(A("k:1"), default));

        // A refused text keeps no key: once Ben opts in, the same send goes out.
        await PersonConsent.SetAsync(s, ben, SmsConsent.OptedIn);
        var later = await sms.SendAsync(toBen, default);
        Assert.True(later.Accepted);
        Assert.Equal(1, provider.CountTo("+12125550212"));
    }

    /// <summary>Runs an action once, just before the first save that inserts texts opens its transaction (a rival sender slipping in).</summary>
    private sealed class BeforeTextsSave : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        private Func<Task>? _once;

        public void Arm(Func<Task> action) => _once = action;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.TransactionStartingEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.ChangeTracker.Entries<OutboundMessage>().Any(e => e.State == EntityState.Added) == true && Interlocked.Exchange(ref _once, null) is { } action)
            {
                await action();
            }
            return result;
        }
    }

    [Fact]
    public async Task A_rival_that_stores_the_same_key_first_wins_and_the_batch_answers_each_text_from_what_is_stored()
    {
        var time = TestClock.Frozen();
        var provider = new ScriptedSmsProvider();
        var rival = new BeforeTextsSave();
        await using var app = new AppFactory
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
                s.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(rival);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", "0");
        var sms = app.Services.GetRequiredService<SmsService>();
        var shared = new OutboundSms(null, "+12125550281", "Your party is confirmed", SmsPurpose.Transactional, "booking-confirmed:1");
        var other = new OutboundSms(null, "+12125550282", "Your party is confirmed", SmsPurpose.Transactional, "booking-confirmed:2");
        SmsSendResult? won = null;
        rival.Arm(async () => won = await sms.SendAsync(shared, default));

        var results = await sms.SendManyAsync([shared, other], default);
        Assert.NotNull(won);
        Assert.True(won.Accepted);
        Assert.Equal(2, results.Count);
        Assert.Equal(won, results[0]);
        Assert.True(results[1].Accepted);
        Assert.Equal(ScriptedSmsProvider.IdFor(results[1].MessageId!.Value), results[1].ProviderMessageId);
        Assert.Equal(["+12125550281", "+12125550282"], provider.Sent.Select(x => x.To));
        Assert.Equal(2, (await SmsTestApp.MessagesAsync(app.Services)).Count);

        // The same for a single text.
        var third = new OutboundSms(null, "+12125550283", "Reminder", SmsPurpose.Transactional, "booking-reminder:3");
        rival.Arm(async () => won = await sms.SendAsync(third, default));
        var single = await sms.SendAsync(third, default);
        Assert.Equal(won, single);
        Assert.Equal(1, provider.CountTo("+12125550283"));
    }

    public static TheoryData<string> TransportFailures => ["http", "timeout", "state"];

    [Theory]
    [MemberData(nameof(TransportFailures))]
    public async Task A_transport_failure_is_a_failed_text_with_the_exception_message(string kind)
    {
        var (app, _, provider) = SmsTestApp.New();
        await using var _ = app;
        provider.OnSend = (_, _) => throw (kind switch
        {
            "http" => new HttpRequestException("connection refused"),
            "timeout" => new TaskCanceledException("connection refused"),
            _ => (Exception)new InvalidOperationException("connection refused"),
        });
        var result = await app.Services.GetRequiredService<SmsService>().SendAsync(new OutboundSms(null, "+12125550221", "Reminder", SmsPurpose.Transactional, "k"), default);
        Assert.Equal((false, (string?)null, "providerError"), (result.Accepted, result.ProviderMessageId, result.RefusedReason));
        var stored = Assert.Single(await SmsTestApp.MessagesAsync(app.Services));
        Assert.Equal((OutboundStatus.Failed, "connection refused"), (stored.Status, stored.Error));
    }
}

