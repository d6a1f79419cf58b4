namespace HibachiAdmin.Features.Inbox;

/// <summary>Serves shared files in front of the app's pipeline, with their own inert headers (docs/adr/0001's pattern).</summary>
internal sealed class SharedFileStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.MapWhen(ctx => SharedFileEndpoints.Token(ctx.Request) is not null,
            branch => branch.Run(ctx => SharedFileEndpoints.ServeAsync(ctx, SharedFileEndpoints.Token(ctx.Request)!)));
        next(app);
    };
}
