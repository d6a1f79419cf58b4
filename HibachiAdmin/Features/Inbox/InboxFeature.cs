namespace HibachiAdmin.Features.Inbox;

public static class InboxFeature
{
    public static WebApplicationBuilder AddInbox(this WebApplicationBuilder builder)
    {
        // Replies to Instagram and Facebook go through Meta's Send API (or its sandbox).
        Infrastructure.Providers.Meta.MetaSetup.AddMeta(builder.Services, builder.Configuration);
        builder.Services.AddSingleton<InboxNotifier>();
        // Cut by use case: writes (ConversationLog), replies, thread actions, reads, numbers; InboxContract answers other features.
        builder.Services.AddSingleton<ConversationLog>();
        builder.Services.AddSingleton<Messaging.Contracts.IInboundConversations>(sp => sp.GetRequiredService<ConversationLog>());
        builder.Services.AddSingleton<InboxReplies>();
        builder.Services.AddSingleton<ThreadActions>();
        builder.Services.AddSingleton<InboxQueries>();
        builder.Services.AddSingleton<InboxStatistics>();
        builder.Services.AddSingleton<Contracts.IInboxService, InboxContract>();
        builder.Services.AddSingleton<Contracts.IWaitingThreads>(sp => sp.GetRequiredService<InboxStatistics>());
        builder.Services.AddTransient<SandboxMetaReceiptJob>();
        builder.Services.AddSingleton<ScheduledReplies>();
        builder.Services.AddSingleton<Contracts.IDirectMessages, DirectMessages>();
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
