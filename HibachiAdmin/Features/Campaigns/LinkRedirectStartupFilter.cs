namespace HibachiAdmin.Features.Campaigns;

/// <summary>Puts the tracked-link redirect in front of the app's pipeline, as the QR redirect is (docs/adr/0001).</summary>
internal sealed class LinkRedirectStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.MapWhen(ctx => LinkRedirectEndpoints.Code(ctx.Request) is not null, branch =>
        {
            branch.UseForwardedHeaders();
            var handler = branch.ApplicationServices.GetRequiredService<LinkRedirectHandler>();
            branch.Run(ctx => handler.HandleAsync(ctx, LinkRedirectEndpoints.Code(ctx.Request)!));
        });
        next(app);
    };
}
