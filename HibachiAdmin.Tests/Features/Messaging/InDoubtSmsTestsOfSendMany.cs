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
using HibachiAdmin.Tests.TestKit;

namespace HibachiAdmin.Tests.Features.Messaging;

internal sealed class ProcessDiedException : Exception;

/// <summary>Shared set-up of the SMS service tests below: the real app with a scripted provider and a fake clock.</summary>
internal static class SmsTestApp
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero); // 10:00 in New York

    /// <summary>A scripted provider, 5 cents a segment.</summary>
    public static (AppFactory App, FakeTimeProvider Time, ScriptedSmsProvider Provider) New()
    {
        var (app, time, provider) = New<ScriptedSmsProvider>();
        return (app.With("Sms:CostPerSegment", "0.05"), time, provider);
    }

    /// <summary>An app on a fake clock (10:00 in New York) whose texts go to <typeparamref name="TProvider"/>; jobs run only when a test runs them, no throttle.</summary>
    public static (AppFactory App, FakeTimeProvider Time, TProvider Provider) New<TProvider>()
        where TProvider : class, ISmsProvider, new()
    {
        var time = new FakeTimeProvider(Start);
        var provider = new TProvider();
        var app = new AppFactory
        {
            Time = time,
            ConfigureTestServices = s =>
            {
                s.RemoveAll<ISmsProvider>();
                s.AddSingleton<ISmsProvider>(provider);
            },
        }.With("Hangfire:ProcessJobs", "false").With("Sms:MaxPerSecond", "0");
        return (app, time, provider);
    }

    public static async Task<Guid> AddAsync(IServiceProvider services, string name, string phone, SmsConsent consent) =>
        (await PersonConsent.CreateAsync(services, new CreateContactRequest(name, phone, SmsConsent: consent))).Contact!.Id;

    public static async Task<List<OutboundMessage>> MessagesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboundMessage>().AsNoTracking().ToListAsync();
    }

    public static async Task<List<OutboundStatusChange>> ChangesAsync(IServiceProvider services, Guid messageId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboundStatusChange>().AsNoTracking().Where(c => c.MessageId == messageId).OrderBy(c => c.Id).ToListAsync();
    }
}

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
        var start = SmsTestApp.Start.UtcDateTime;

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
        var time = new FakeTimeProvider(SmsTestApp.Start);
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

/// <summary>SmsService.ResolveInDoubtAsync: which texts it takes, when, in what order, and what it records for each outcome.</summary>
public sealed class InDoubtSmsTestsOfRecovery
{
    /// <summary>Sends one text whose provider call dies (stored queued, no answer).</summary>
    private static async Task<Guid> LoseAsync(IServiceProvider s, ScriptedSmsProvider provider, OutboundSms text)
    {
        var hook = provider.OnSend;
        provider.OnSend = (_, _) => throw new ProcessDiedException();
        await Assert.ThrowsAsync<ProcessDiedException>(() => s.GetRequiredService<SmsService>().SendAsync(text, default));
        provider.OnSend = hook;
        return (await SmsTestApp.MessagesAsync(s)).Single(m => m.CorrelationId == text.CorrelationId).Id;
    }

    [Fact]
    public async Task Only_queued_texts_without_an_answer_older_than_two_minutes_are_taken_oldest_first_and_sent_once()
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        var sms = s.GetRequiredService<SmsService>();
        var first = await LoseAsync(s, provider, new OutboundSms(null, "+12125550231", "First", SmsPurpose.Transactional, "k:1"));
        time.Advance(TimeSpan.FromSeconds(10));
        var second = await LoseAsync(s, provider, new OutboundSms(null, "+12125550232", "Second", SmsPurpose.Transactional, "k:2"));
        // Not in doubt: one the provider answered (queued, waiting for receipts), one it refused, one the app refused.
        await sms.SendAsync(new OutboundSms(null, "+12125550233", "Answered", SmsPurpose.Transactional, "k:3"), default);
        provider.OnSend = (_, _) => Task.FromResult<ProviderSendResult?>(new ProviderSendResult(false, null, "no"));
        await sms.SendAsync(new OutboundSms(null, "+12125550234", "Refused by provider", SmsPurpose.Transactional, "k:4"), default);
        provider.OnSend = null;
        await sms.SendAsync(new OutboundSms(null, "+12125550235", "No consent", SmsPurpose.Marketing, "k:5"), default);
        var count = (await SmsTestApp.MessagesAsync(s)).Count;

        // Exactly two minutes after the second: the first is in doubt, the second not yet.
        time.Advance(SmsService.InDoubtAfter);
        Assert.Equal(1, await sms.ResolveInDoubtAsync(default));
        Assert.Equal(["+12125550233", "+12125550231"], provider.Sent.Select(x => x.To));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(1, await sms.ResolveInDoubtAsync(default));
        Assert.Equal(0, await sms.ResolveInDoubtAsync(default));
        Assert.Equal(["+12125550233", "+12125550231", "+12125550232"], provider.Sent.Select(x => x.To));
        var stored = (await SmsTestApp.MessagesAsync(s)).ToDictionary(m => m.Id);
        Assert.Equal((OutboundStatus.Queued, ScriptedSmsProvider.IdFor(first)), (stored[first].Status, stored[first].ProviderMessageId));
        Assert.Equal([(OutboundStatus.Queued, "accepted by the app"), (OutboundStatus.Queued, "sent after a restart")],
            (await SmsTestApp.ChangesAsync(s, second)).Select(c => (c.Status, c.Detail)));
        Assert.Equal(SmsTestApp.Start.UtcDateTime.AddSeconds(10) + SmsService.InDoubtAfter + TimeSpan.FromTicks(1), stored[second].UpdatedAt);
        Assert.Equal(count, stored.Count);

        // Older ones in doubt again are not taken twice (the claim moved them); the time moves on and still nothing.
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await sms.ResolveInDoubtAsync(default));
        Assert.Equal(3, provider.Sent.Count);
    }

    [Fact]
    public async Task A_backlog_of_answered_and_failed_texts_does_not_starve_the_recovery()
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        // 250 older texts that are not in doubt: answered and waiting for receipts, or failed at the provider.
        await using (var db = await s.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            for (var i = 0; i < 250; i++)
            {
                var at = SmsTestApp.Start.UtcDateTime.AddHours(-1).AddSeconds(i);
                db.Add(new OutboundMessage
                {
                    To = $"+1212555{i + 1000:D4}", Text = "Old", Purpose = SmsPurpose.Transactional, Provider = "scripted", CreatedAt = at, UpdatedAt = at,
                    Status = i % 2 == 0 ? OutboundStatus.Queued : OutboundStatus.Failed, ProviderMessageId = i % 2 == 0 ? $"old-{i}" : null, Error = i % 2 == 0 ? null : "no",
                });
            }
            await db.SaveChangesAsync();
        }
        var lost = await LoseAsync(s, provider, new OutboundSms(null, "+12125550291", "Reminder", SmsPurpose.Transactional, "k:1"));
        time.Advance(SmsService.InDoubtAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await s.GetRequiredService<SmsService>().ResolveInDoubtAsync(default));
        Assert.Equal([lost], provider.Sent.Select(x => x.Id));
    }

    [Fact]
    public async Task Each_outcome_is_recorded_found_at_the_provider_opted_out_meanwhile_or_refused_again()
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        var sms = s.GetRequiredService<SmsService>();
        var cy = await SmsTestApp.AddAsync(s, "Cy Later Out", "+12125550242", SmsConsent.OptedIn);
        var found = await LoseAsync(s, provider, new OutboundSms(null, "+12125550241", "Found", SmsPurpose.Transactional, "k:1"));
        time.Advance(TimeSpan.FromSeconds(1));
        var stopped = await LoseAsync(s, provider, new OutboundSms(cy, "+12125550242", "Offer", SmsPurpose.Marketing, "k:2"));
        time.Advance(TimeSpan.FromSeconds(1));
        var failing = await LoseAsync(s, provider, new OutboundSms(null, "+12125550243", "Fails", SmsPurpose.Transactional, "k:3"));
        var asked = new List<Guid>();
        provider.OnFind = (id, _) =>
        {
            asked.Add(id);
            return Task.CompletedTask;
        };
        provider.Has(found, "prov-77");
        await s.GetRequiredService<ContactService>().SetConsentAsync(cy, new ConsentChange(SmsConsent.OptedOut, "sms-keyword", "STOP"), Actor.System, default);
        var error = new string('x', 520);
        provider.OnSend = (_, to) => Task.FromResult(to == "+12125550243" ? new ProviderSendResult(false, null, error) : null);

        time.Advance(SmsService.InDoubtAfter + TimeSpan.FromSeconds(1));
        var now = time.GetUtcNow().UtcDateTime;
        Assert.Equal(3, await sms.ResolveInDoubtAsync(default));
        Assert.Empty(provider.Sent);
        Assert.Equal([found, stopped, failing], asked); // oldest first
        var stored = (await SmsTestApp.MessagesAsync(s)).ToDictionary(m => m.Id);

        Assert.Equal((OutboundStatus.Queued, "prov-77", now), (stored[found].Status, stored[found].ProviderMessageId, stored[found].UpdatedAt));
        Assert.Equal((OutboundStatus.Queued, "recovered: the provider had it", now), (await SmsTestApp.ChangesAsync(s, found)).Select(c => (c.Status, c.Detail, c.At)).Last());

        Assert.Equal((OutboundStatus.Refused, "optedOut", (string?)null, 0m), (stored[stopped].Status, stored[stopped].RefusedReason, stored[stopped].CorrelationId, stored[stopped].Cost));
        Assert.Equal((OutboundStatus.Refused, "not sent after a restart: optedOut", now), (await SmsTestApp.ChangesAsync(s, stopped)).Select(c => (c.Status, c.Detail, c.At)).Last());

        Assert.Equal((OutboundStatus.Failed, error[..500], (string?)null), (stored[failing].Status, stored[failing].Error, stored[failing].ProviderMessageId));
        Assert.Equal((OutboundStatus.Failed, error[..500], now), (await SmsTestApp.ChangesAsync(s, failing)).Select(c => (c.Status, c.Detail, c.At)).Last());
        Assert.Equal(0, await sms.ResolveInDoubtAsync(default));
    }

    [Theory]
    [MemberData(nameof(InDoubtSmsTestsOfSendMany.TransportFailures), MemberType = typeof(InDoubtSmsTestsOfSendMany))]
    public async Task When_the_provider_cannot_be_asked_the_text_waits_for_the_next_recovery(string kind)
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        var sms = s.GetRequiredService<SmsService>();
        var lost = await LoseAsync(s, provider, new OutboundSms(null, "+12125550251", "Reminder", SmsPurpose.Transactional, "k:1"));
        provider.OnFind = (_, _) => throw (kind switch
        {
            "http" => new HttpRequestException("down"),
            "timeout" => new TaskCanceledException("down"),
            _ => (Exception)new InvalidOperationException("down"),
        });
        time.Advance(SmsService.InDoubtAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(0, await sms.ResolveInDoubtAsync(default));
        Assert.Empty(provider.Sent);
        var stored = Assert.Single(await SmsTestApp.MessagesAsync(s));
        Assert.Equal((OutboundStatus.Queued, (string?)null, time.GetUtcNow().UtcDateTime), (stored.Status, stored.ProviderMessageId, stored.UpdatedAt));

        provider.OnFind = null;
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await sms.ResolveInDoubtAsync(default)); // claimed a minute ago: not in doubt again yet
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await sms.ResolveInDoubtAsync(default));
        Assert.Equal([lost], provider.Sent.Select(x => x.Id));
    }

    [Fact]
    public async Task Another_crash_while_asking_the_provider_propagates()
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        await LoseAsync(app.Services, provider, new OutboundSms(null, "+12125550261", "Reminder", SmsPurpose.Transactional, "k:1"));
        provider.OnFind = (_, _) => throw new ProcessDiedException();
        time.Advance(SmsService.InDoubtAfter + TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<ProcessDiedException>(() => app.Services.GetRequiredService<SmsService>().ResolveInDoubtAsync(default));
    }

    [Fact]
    public async Task A_rival_recovery_that_claimed_a_text_first_keeps_it()
    {
        var (app, time, provider) = SmsTestApp.New();
        await using var _ = app;
        var s = app.Services;
        var m1 = await LoseAsync(s, provider, new OutboundSms(null, "+12125550271", "One", SmsPurpose.Transactional, "k:1"));
        time.Advance(TimeSpan.FromSeconds(1));
        var m2 = await LoseAsync(s, provider, new OutboundSms(null, "+12125550272", "Two", SmsPurpose.Transactional, "k:2"));
        time.Advance(SmsService.InDoubtAfter + TimeSpan.FromSeconds(1));

        // A has read both candidates and is asking about the first; meanwhile B claims the second and waits at the provider.
        var aAsking = new TaskCompletionSource();
        var releaseA = new TaskCompletionSource();
        var bAsking = new TaskCompletionSource();
        var releaseB = new TaskCompletionSource();
        var bCalls = 0;
        provider.OnFind = async (id, _) =>
        {
            if (id == m1)
            {
                aAsking.TrySetResult();
                await releaseA.Task;
            }
            else if (id == m2 && Interlocked.Increment(ref bCalls) == 1)
            {
                bAsking.TrySetResult();
                await releaseB.Task;
            }
        };
        var a = Task.Run(() => s.GetRequiredService<SmsService>().ResolveInDoubtAsync(default));
        await aAsking.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var b = Task.Run(() => s.GetRequiredService<SmsService>().ResolveInDoubtAsync(default));
        await bAsking.Task.WaitAsync(TimeSpan.FromSeconds(30));
        releaseA.SetResult();
        Assert.Equal(1, await a.WaitAsync(TimeSpan.FromSeconds(30)));
        releaseB.SetResult();
        Assert.Equal(1, await b.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, bCalls);
        Assert.Equal([m1, m2], provider.Sent.Select(x => x.Id).Order());
        Assert.Single(await SmsTestApp.ChangesAsync(s, m2), c => c.Detail == "sent after a restart");
    }
}
