using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads;

public static class LeadsFeature
{
    public static WebApplicationBuilder AddLeads(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LeadService>();
        builder.Services.AddSingleton<Contracts.ILeadService>(sp => sp.GetRequiredService<LeadService>());
        builder.Services.AddSingleton<LeadChanges>();
        builder.Services.AddSingleton<IDemoSeedContributor, LeadsDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLeads(this IEndpointRouteBuilder app)
    {
        app.MapLeadsApi();
        return app;
    }
}
