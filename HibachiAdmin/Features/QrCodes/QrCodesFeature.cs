using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.QrCodes;

public static class QrCodesFeature
{
    public static WebApplicationBuilder AddQrCodes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<QrCodeService>();
        builder.Services.AddSingleton<QrAnalyticsService>();
        builder.Services.AddSingleton<QrImages>();
        builder.Services.AddSingleton<QrGeo>();
        builder.Services.AddSingleton<ScanQueue>();
        builder.Services.AddSingleton<QrRedirectHandler>();
        builder.Services.AddSingleton<ScanWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScanWriter>());
        builder.Services.AddSingleton<QrInquiryService>();
        builder.Services.AddTransient<IStartupFilter, QrRedirectStartupFilter>();
        builder.Services.AddSingleton<IDemoSeedContributor, QrCodesDemoSeed>();
        return builder;
    }

    public static IEndpointRouteBuilder MapQrCodes(this IEndpointRouteBuilder app)
    {
        app.MapQrRedirect();
        app.MapQrCodesApi();
        return app;
    }
}
