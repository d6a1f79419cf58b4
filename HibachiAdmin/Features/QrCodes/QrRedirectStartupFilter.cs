namespace HibachiAdmin.Features.QrCodes;

/// <summary>Puts the QR redirect in front of the app's pipeline (after forwarded headers, so the client address is the real one).</summary>
internal sealed class QrRedirectStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.MapWhen(ctx => QrRedirectEndpoints.RedirectSlug(ctx.Request) is not null, branch =>
        {
            branch.UseForwardedHeaders();
            // Resolved once: a request that only reads singletons never creates a DI scope.
            var handler = branch.ApplicationServices.GetRequiredService<QrRedirectHandler>();
            branch.Run(ctx => handler.HandleAsync(ctx, QrRedirectEndpoints.RedirectSlug(ctx.Request)!));
        });
        next(app);
    };
}
