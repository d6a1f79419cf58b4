namespace HibachiAdmin.Infrastructure.Identity;

public static class MustChangePasswordMiddleware
{
    /// <summary>
    /// A user whose password an admin reset can do nothing but choose a new one or sign out: page
    /// loads go to the change-password page (interactive navigation is covered by MainLayout), and
    /// API calls with the cookie (any method, exports included) answer 403. Bearer tokens are never
    /// issued to such a user, and the reset rotates the security stamp, which ends earlier tokens.
    /// </summary>
    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity?.IsAuthenticated == true
                && !IsAllowedWhileFlagged(ctx.Request)
                && (await ctx.RequestServices.GetRequiredService<UserPreferences>().GetAsync(ctx.User, ctx.RequestAborted)).MustChangePassword)
            {
                if (HttpMethods.IsGet(ctx.Request.Method) && IsPageNavigation(ctx.Request))
                {
                    ctx.Response.Redirect("/Account/Manage/ChangePassword");
                    return;
                }
                // API, OpenAPI document, exports, circuits: nothing else until the password is changed.
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Password change required",
                    detail: "Choose a new password (Account > Change password) before using the app or the API.").ExecuteAsync(ctx);
                return;
            }
            await next(ctx);
        });

    /// <summary>The change itself, sign-out, and what those pages load.</summary>
    private static bool IsAllowedWhileFlagged(HttpRequest request)
    {
        var path = request.Path;
        return path.StartsWithSegments("/Account")
            || path.StartsWithSegments("/_framework")
            || path.StartsWithSegments("/_content")
            || path.StartsWithSegments("/assets")
            || (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/hangfire") && !path.StartsWithSegments("/openapi")
                && !path.StartsWithSegments("/scalar") && Path.HasExtension(path.Value));
    }

    private static bool IsPageNavigation(HttpRequest request)
    {
        var path = request.Path;
        return !path.StartsWithSegments("/_blazor")
            && !path.StartsWithSegments("/api")
            && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}
