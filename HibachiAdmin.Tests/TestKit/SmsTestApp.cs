using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.TestKit;

/// <summary>Thrown by a scripted provider to play the process dying mid-call.</summary>
internal sealed class ProcessDiedException : Exception;

/// <summary>Set-up shared by the SMS service tests (in-doubt sends, SendMany): the real app with a scripted provider and a frozen clock.</summary>
internal static class SmsTestApp
{
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
        var time = TestClock.Frozen();
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
