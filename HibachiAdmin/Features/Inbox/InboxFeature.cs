namespace HibachiAdmin.Features.Inbox;

public static class InboxFeature
{
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        // Replies to Instagram and Facebook go through Meta's Send API (or its sandbox).
        Infrastructure.Providers.Meta.MetaSetup.AddMeta(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<InboxNotifier>();
        builder.Services.AddSingleton<InboxService>();
        builder.Services.AddSingleton<Contracts.IInboxService>(sp => sp.GetRequiredService<InboxService>());
        builder.Services.AddSingleton<Messaging.Contracts.IInboundConversations>(sp => sp.GetRequiredService<InboxService>());
        builder.Services.AddTransient<SandboxMetaReceiptJob>();
        builder.Services.AddTransient<ScheduledReplyJob>();
        builder.Services.AddSingleton<SavedReplyService>();
        builder.Services.AddTransient<IStartupFilter, SharedFileStartupFilter>();
        Infrastructure.Jobs.RecurringScheduleRegistration.AddRecurringJob<ScheduledReplyJob>(builder.Services, ScheduledReplyJob.Id, Hangfire.Cron.Minutely(), j => j.SweepAsync(CancellationToken.None));
        builder.Services.AddSingleton<Infrastructure.Data.IDemoSeedContributor, InboxDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder app)
    {
        app.MapInboxApi();
        app.MapSharedFiles();
        app.MapScheduledReplies();
        return app;
    }
}
