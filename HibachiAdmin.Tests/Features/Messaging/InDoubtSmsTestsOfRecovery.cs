using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Messaging;

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
        Assert.Equal(TestClock.Start.UtcDateTime.AddSeconds(10) + SmsService.InDoubtAfter + TimeSpan.FromTicks(1), stored[second].UpdatedAt);
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
                var at = TestClock.Start.UtcDateTime.AddHours(-1).AddSeconds(i);
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
