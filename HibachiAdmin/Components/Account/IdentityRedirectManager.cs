using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    // A new builder per message (rare), not a static one: its settings are then checked on every use, not once per process.
    private static CookieBuilder StatusCookieBuilder => new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        // Only local paths: a ReturnUrl of another site (or "//host", "/\host") goes home instead of
        // throwing (ToBaseRelativePath throws for a foreign URL, which answered 500).
        var baseUri = navigationManager.BaseUri;
        if (uri is not null && uri.StartsWith(baseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = "/" + uri[baseUri.Length..];
        }
        navigationManager.NavigateTo(Common.LocalUrl.OrRoot(uri));
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPage() => RedirectTo(CurrentPath);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser(UserManager<ApplicationUser> userManager, HttpContext context)
        => RedirectToWithStatus("Account/Login", $"Error: Unable to load user with ID '{userManager.GetUserId(context.User)}'.", context);
}
