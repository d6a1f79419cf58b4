using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using Hangfire;
using HibachiAdmin.Infrastructure.Jobs;

namespace HibachiAdmin.Features.Campaigns;

public static class CampaignsFeature
{
    public static WebApplicationBuilder AddCampaigns(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CampaignHistory>();
        builder.Services.AddSingleton<CampaignPlanner>();
        builder.Services.AddSingleton<Infrastructure.Data.IDemoSeedContributor, CampaignsDemoSeed>();
        builder.Services.AddSingleton<Infrastructure.Data.IDemoSeedContributor, CampaignClicksDemoSeed>();
        builder.Services.AddSingleton<CampaignService>();
        builder.Services.AddSingleton<CampaignChanges>();
        builder.Services.AddSingleton<IOutboundStatusObserver, CampaignDeliveryReceipts>();
        builder.Services.AddSingleton<Contracts.ICampaignSummaries>(sp => sp.GetRequiredService<CampaignService>());
        builder.Services.AddSingleton<Messaging.Contracts.ICampaignReplyAttribution>(sp => sp.GetRequiredService<CampaignService>());
        builder.Services.AddSingleton<Contracts.ICampaignLinks>(sp => sp.GetRequiredService<CampaignService>());
        builder.Services.AddTransient<CampaignSendJob>();
        builder.Services.AddSingleton<LinkRedirectHandler>();
        builder.Services.AddTransient<IStartupFilter, LinkRedirectStartupFilter>();
        builder.Services.AddTransient<LinkClickAttributionJob>();
        builder.Services.AddRecurringJob<LinkClickAttributionJob>(LinkClickAttributionJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        builder.Services.AddRecurringJob<CampaignSendJob>(CampaignSendJob.Id, Cron.Minutely(), j => j.RunAsync(CancellationToken.None));
        builder.Services.AddSingleton(new Infrastructure.Data.RecoverableLease(new Infrastructure.Data.LeaseTable("CampaignDeliveries"),
            jobs => Hangfire.BackgroundJobClientExtensions.Enqueue<CampaignSendJob>(jobs, j => j.RunAsync(CancellationToken.None))));
        return builder;
    }

    public static IEndpointRouteBuilder MapCampaigns(this IEndpointRouteBuilder app)
    {
        app.MapLinkRedirect();
        return app.MapCampaignsApi();
    }
}
