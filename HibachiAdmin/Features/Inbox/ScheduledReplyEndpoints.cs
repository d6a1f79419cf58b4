using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Inbox;

/// <summary>
/// Scheduled replies over the API (Staff+): schedule in a thread, list a thread's, cancel one. Refusals are 400s naming
/// the field: a time outside Meta's window is <c>sendAt</c>, with the reason and the last time that works.
/// </summary>
public static class ScheduledReplyEndpoints
{
    /// <param name="SendAt">ISO 8601 with an offset (or UTC).</param>
    /// <param name="Marketing">Marketing content: needs the person's opt-in; held by marketing's texting hours.</param>
    public sealed record ScheduleRequest([property: Required, StringLength(ScheduledReplies.MaxScheduledText, MinimumLength = 1)] string? Text,
        [property: Required] DateTimeOffset? SendAt, bool Marketing = false);

    public static IEndpointRouteBuilder MapScheduledReplies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/social").WithTags("Inbox").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/threads/{id:guid}/scheduled-replies", async (Guid id, ScheduledReplies inbox, CancellationToken ct) => TypedResults.Ok(await inbox.ScheduledRepliesAsync(id, ct)))
            .WithSummary("The thread's replies waiting to go out (and those that failed in the last week)");
        group.MapPost("/threads/{id:guid}/scheduled-replies", ScheduleAsync).WithSummary("Schedule a reply: it goes out then, under the texting rules (SMS) or inside Meta's window");
        group.MapPost("/scheduled-replies/{id:guid}/cancel", CancelAsync).WithSummary("Cancel a scheduled reply that has not gone out");
        return app;
    }

    private static async Task<Results<Created<ScheduledReplyView>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        Guid id, ScheduleRequest request, ScheduledReplies inbox, ClaimsPrincipal user, CancellationToken ct)
    {
        if (Validation.Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await inbox.ScheduleReplyAsync(id, request.Text, request.SendAt!.Value.UtcDateTime, request.Marketing, Actor.From(user), ct);
        if (result.Reason == "notFound")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: result.Detail);
        }
        if (!result.Scheduled)
        {
            var field = result.Reason is "emptyText" or "tooLong" ? "text" : "sendAt";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [result.Detail!] });
        }
        return TypedResults.Created($"/api/v1/admin/social/threads/{id}/scheduled-replies", result.Reply!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(Guid id, ScheduledReplies inbox, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await inbox.CancelScheduledAsync(id, Actor.From(user), ct))
        {
            return TypedResults.NoContent();
        }
        return await inbox.GetScheduledAsync(id, ct) is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No such scheduled reply.")
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already gone out or cancelled", detail: "Only a reply still waiting can be cancelled.");
    }
}
