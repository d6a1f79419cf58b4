using System.Security.Claims;

namespace HibachiAdmin.Common;

/// <summary>Who did a change: a signed-in user's email, or a system source such as "ringcentral".</summary>
public sealed record Actor(string Name)
{
    public static readonly Actor System = new("system");

    public static Actor From(ClaimsPrincipal user) =>
        new(user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown");
}
