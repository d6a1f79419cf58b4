namespace HibachiAdmin.Features.Leads;

public static class LeadsEndpoints
{
    public static IEndpointRouteBuilder MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/leads").WithTags("Leads");
        return app;
    }
}
