using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HibachiAdmin.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Sign-out is a POST (antiforgery-checked) used by the app bar's button.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            // Sign out first, whatever returnUrl holds; then go to a local page only.
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(Common.LocalUrl.OrRoot(returnUrl));
        }).RequireAuthorization();
        return accountGroup;
    }
}
