namespace HibachiAdmin.Infrastructure.Identity;

public static class MustChangePasswordMiddleware
{
    /// <summary>
    /// A user whose password an admin reset is sent to the change-password page on every page load
    /// until they choose a new one (interactive navigation is covered by MainLayout).
    /// </summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true
                && HttpMethods.IsGet(ctx.Request.Method)
                && IsPageNavigation(ctx.Request)
                && (await ctx.RequestServices.GetRequiredService<UserPreferences>().GetAsync(ctx.User, ctx.RequestAborted)).MustChangePassword)
            {
                ctx.Response.Redirect("/Account/Manage/ChangePassword");
                return;
            }
            await next(ctx);
        });

    private static bool IsPageNavigation(HttpRequest request)
    {
        var path = request.Path;
        return !path.StartsWithSegments("/Account")
            && !path.StartsWithSegments("/api")
            && !path.StartsWithSegments("/_blazor")
            && !path.StartsWithSegments("/_framework")
            && !path.StartsWithSegments("/_content")
            && !path.StartsWithSegments("/assets")
            && !Path.HasExtension(path.Value)
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
