using HibachiAdmin.Features.Contacts.Contracts;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Infrastructure.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>The SMS campaign API (Marketing and up) and the segment counter (any signed-in role).</summary>
public static class CampaignsEndpoints
{
    /// <param name="SkipBookedWithinDays">Skip contacts with a party from today through this many days ahead.</param>
    /// <param name="SkipTextedWithinDays">Skip contacts a campaign texted in this many days before the send.</param>
    /// <param name="Everyone">Everyone who may be texted (less <paramref name="ExcludeTags"/>): the explicit choice an empty audience never makes.</param>
    /// <param name="IncludeInConversation">Also text people in a conversation (a message in the last 24 hours); left out unless true.</param>
    public sealed record AudienceBody([property: MaxLength(50), EachMaxLength(50)] List<string>? IncludeTags, [property: MaxLength(50), EachMaxLength(50)] List<string>? ExcludeTags,
        [property: MaxLength(5000)] List<Guid>? ContactIds,
        [property: Range(0, 365)] int? SkipBookedWithinDays = null, [property: Range(1, 365)] int? SkipTextedWithinDays = null, bool? Everyone = null,
        bool? IncludeInConversation = null)
    {
        public Audience ToAudience() => new(IncludeTags ?? [], ExcludeTags ?? [], ContactIds ?? [], SkipBookedWithinDays, SkipTextedWithinDays, Everyone == true,
            IncludeInConversation == true);
    }

    public sealed record EstimateRequest([property: Required, StringLength(Limits.Message, MinimumLength = 1)] string? Message, AudienceBody? Audience, DateTime? SendAt);

    public sealed record CreateCampaignRequest([property: Required, StringLength(200, MinimumLength = 1)] string? Name,
        [property: Required, StringLength(Limits.Message, MinimumLength = 1)] string? Message, AudienceBody? Audience, DateTime? EndAt);

    public sealed record SendRequest(DateTime? SendAt);

    public sealed record SegmentsRequest([property: Required, StringLength(Limits.Message)] string? Text);

    public sealed record SegmentsResponse(string Encoding, int Units, int Segments);

    /// <param name="Explanation">For a delayed recipient: why, and until when, in words ("Held until Sunday 12:00 CT — Texas allows …").</param>
    public sealed record PreviewItem(Guid ContactId, string? Phone, bool Eligible, string? Reason, DateTime? EarliestSendAt, string Text, int Segments, string? Explanation);

    /// <param name="Groups">The held recipients by reason, rule and send time, soonest first: when each group goes out, and why.</param>
    public sealed record PreviewResponse(IReadOnlyList<PreviewItem> Items, IReadOnlyList<HoldGroup> Groups);

    public sealed record DeliveriesResponse(IReadOnlyList<DeliveryItem> Items);

    public sealed record DeliveryItem(Guid ContactId, string? Phone, string Status, string? Reason, string? ProviderMessageId, DateTime? SentAt);

    /// <summary>Why a message with a public shortener is refused (shared with the builder page).</summary>
    public static string ShortenerMessage(IReadOnlyList<string> hosts) =>
        $"Links must use your own domain: carriers filter texts with public shorteners ({string.Join(", ", hosts)}).";

    public static class Limits
    {
        public const int Message = 1000;
    }

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/sms/segments", Segments).RequireAuthorization().WithTags("SMS")
            .WithSummary("Encoding, units and segments of exactly this text");
        var group = app.MapGroup("/api/v1/sms-campaigns").WithTags("Campaigns").RequireAuthorization(Policies.MarketingPlus);
        group.MapPost("/estimate", EstimateAsync).WithSummary("Recipients, eligible now, held by reason and cost of a message to an audience");
        group.MapPost("/", CreateAsync).WithSummary("Create a draft campaign");
        group.MapGet("/", ListAsync).WithSummary("Campaigns, newest first, with delivery counts");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One campaign with status and delivery counts");
        group.MapGet("/{id:guid}/preview", PreviewAsync).WithSummary("Per-recipient eligibility, hold reason, earliest send time and final text");
        group.MapPost("/{id:guid}/send", SendAsync).WithSummary("Start or schedule the send; a second call is a no-op");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Stop unsent messages");
        group.MapGet("/{id:guid}/links", LinksAsync).WithSummary("The campaign's tracked links: clicks, people, leads, bookings and revenue (previews and HEAD never counted)");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithSummary("Per-recipient delivery status");
        return app;
    }

    private static Results<Ok<SegmentsResponse>, ValidationProblem> Segments(SegmentsRequest body)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var count = SmsSegments.Count(body.Text!);
        return TypedResults.Ok(new SegmentsResponse(count.EncodingName, count.Units, count.Segments));
    }

    private static string LinkBase(HttpRequest request, IConfiguration configuration) =>
        CampaignLinks.Base(configuration, $"{request.Scheme}://{request.Host}{request.PathBase}");

    private static async Task<Results<Ok<CampaignEstimate>, ValidationProblem>> EstimateAsync(EstimateRequest body, CampaignPlanner planner, HttpRequest request, IConfiguration configuration, CancellationToken ct)
    {
        // The audience too, by its JSON path (audience.includeTags[0]: a null tag would break planning later).
        var errors = Validation.Validate(body) ?? [];
        if (errors.Count == 0 && Audience.ErrorOf(body.Audience?.ToAudience()) is { } audienceError)
        {
            errors["audience"] = [audienceError];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // Links counted at their final length ({base}/l/{code}), as the campaign created from this message will send them.
        var plan = await planner.PlanAsync(CampaignLinks.Prepare(body.Message!, LinkBase(request, configuration)), body.Audience!.ToAudience(), body.SendAt?.ToUniversalTime(), ct);
        return TypedResults.Ok(plan.Estimate);
    }

    private static async Task<Results<Created<CampaignSummary>, ValidationProblem>> CreateAsync(CreateCampaignRequest body, CampaignService campaigns, ClaimsPrincipal user, HttpRequest request, IConfiguration configuration, CancellationToken ct)
    {
        // The audience too, by its JSON path (audience.includeTags[0]: a null tag would break planning later).
        var errors = Validation.Validate(body) ?? [];
        if (errors.Count == 0 && CampaignRules.ShortenedLinks(body.Message!) is { Count: > 0 } hosts)
        {
            errors["message"] = [ShortenerMessage(hosts)];
        }
        if (errors.Count == 0 && Audience.ErrorOf(body.Audience?.ToAudience()) is { } audienceError)
        {
            errors["audience"] = [audienceError];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var campaign = await campaigns.CreateAsync(new NewCampaign(body.Name!, body.Message!, body.Audience!.ToAudience(), body.EndAt?.ToUniversalTime(), LinkBase(request, configuration)), Actor.From(user), ct);
        var summary = await campaigns.GetSummaryAsync(campaign.Id, ct);
        return TypedResults.Created($"/api/v1/sms-campaigns/{campaign.Id}", summary!);
    }

    private static async Task<Ok<PagedResult<CampaignSummary>>> ListAsync(CampaignService campaigns, CancellationToken ct)
    {
        var items = await campaigns.ListSummariesAsync(ct);
        return TypedResults.Ok(new PagedResult<CampaignSummary>(items, items.Count));
    }

    private static async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> GetAsync(Guid id, CampaignService campaigns, CancellationToken ct) =>
        await campaigns.GetSummaryAsync(id, ct) is { } c ? TypedResults.Ok(c) : ApiProblems.NotFound("Campaign", id);

    private static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> PreviewAsync(Guid id, CampaignService campaigns, CancellationToken ct) =>
        await campaigns.PreviewAsync(id, ct) is { } decisions
            ? TypedResults.Ok(new PreviewResponse(decisions.Select(d => new PreviewItem(d.ContactId, d.Phone, d.Eligible, d.Reason, d.EarliestSendAt, d.Text, d.Segments.Segments, d.Explanation)).ToList(),
                HoldGroups.Of(decisions)))
            : ApiProblems.NotFound("Campaign", id);

    private static async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> SendAsync(Guid id, SendRequest? body, CampaignService campaigns, CancellationToken ct)
    {
        try
        {
            if (await campaigns.SendAsync(id, body?.SendAt?.ToUniversalTime(), ct) is null)
            {
                return ApiProblems.NotFound("Campaign", id);
            }
        }
        catch (CampaignSenderException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaigns cannot be sent from this number", detail: ex.Message);
        }
        return TypedResults.Ok((await campaigns.GetSummaryAsync(id, ct))!);
    }

    private static async Task<Results<Ok<CampaignSummary>, ProblemHttpResult>> CancelAsync(Guid id, CampaignService campaigns, CancellationToken ct)
    {
        if (await campaigns.FindAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("Campaign", id);
        }
        await campaigns.CancelAsync(id, ct);
        return TypedResults.Ok((await campaigns.GetSummaryAsync(id, ct))!);
    }

    private static async Task<Results<Ok<DeliveriesResponse>, ProblemHttpResult>> DeliveriesAsync(Guid id, CampaignService campaigns, CancellationToken ct)
    {
        if (await campaigns.FindAsync(id, ct) is null)
        {
            return ApiProblems.NotFound("Campaign", id);
        }
        var rows = await campaigns.DeliveriesAsync(id, ct);
        return TypedResults.Ok(new DeliveriesResponse(rows.Select(r => new DeliveryItem(r.ContactId, r.Phone, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()),
            r.Reason, r.ProviderMessageId, r.SentAt)).ToList()));
    }

    private static async Task<Results<Ok<LinkFunnel>, ProblemHttpResult>> LinksAsync(Guid id, CampaignService campaigns, CancellationToken ct) =>
        await campaigns.FindAsync(id, ct) is null ? ApiProblems.NotFound("Campaign", id) : TypedResults.Ok(await campaigns.LinkFunnelAsync(id, ct));
}
