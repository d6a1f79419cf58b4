using Hangfire.Dashboard;
using HibachiAdmin.Infrastructure.Identity;

namespace HibachiAdmin.Infrastructure.Jobs;

/// <summary>Not Hangfire's LocalRequestsOnly: works behind a proxy, decides on the signed-in user's role.</summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin);
    }
}
