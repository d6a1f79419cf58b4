namespace HibachiAdmin.Infrastructure.Providers.Meta;

public static class MetaSetup
{
    /// <summary>
    /// Meta:* options and the send provider: the Graph Send API when a Page access token is set, else the sandbox.
    /// Each feature that uses Meta (Messaging: webhooks and profiles; Inbox: replies) calls this; the second call adds nothing.
    /// </summary>
    public static IServiceCollection AddMeta(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(SandboxMetaProvider)))
        {
            return services;
        }
        services.Configure<MetaOptions>(configuration.GetSection("Meta"));
        services.AddSingleton<SandboxMetaProvider>();
        services.AddHttpClient<MetaGraphClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        var options = configuration.GetSection("Meta").Get<MetaOptions>() ?? new MetaOptions();
        if (options.UsesGraph)
        {
            services.AddTransient<IMetaSendProvider>(sp => sp.GetRequiredService<MetaGraphClient>());
        }
        else
        {
            services.AddSingleton<IMetaSendProvider>(sp => sp.GetRequiredService<SandboxMetaProvider>());
        }
        return services;
    }
}
