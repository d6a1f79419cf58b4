using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// <c>GET /l/{code}</c>: 302 to the link's destination and one click recorded for that recipient and campaign. HEAD
/// requests and link-preview fetchers (<see cref="LinkPreviewAgents"/>) get the same redirect and are never counted.
/// An unknown or malformed code is a 404 page without a query; a database outage a 503 page; never a 5xx otherwise.
/// A singleton served from the front of the pipeline, like the QR redirect (<see cref="LinkRedirectStartupFilter"/>,
/// docs/adr/0001): one indexed read and, for a person's click, one insert; the attribution to a lead happens in
/// <see cref="LinkClickAttributionJob"/>, never here. Nothing about consent is read or written.
/// </summary>
public sealed class LinkRedirectHandler(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, Hangfire.IBackgroundJobClient jobs,
    CampaignChanges changes, ILogger<LinkRedirectHandler> logger)
{
    public async Task HandleAsync(HttpContext http, string code)
    {
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        if (!CampaignLinks.IsCode(code))
        {
            await PageAsync(http, StatusCodes.Status404NotFound, "Link not found", "This link is not one of ours, or it is mistyped.");
            return;
        }
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(http.RequestAborted);
            var link = await db.Set<TrackedLink>().AsNoTracking().Where(l => l.Code == code)
                .Select(l => new { l.Id, l.CampaignId, l.ContactId, l.Destination }).FirstOrDefaultAsync(http.RequestAborted);
            if (link is null || !Uri.TryCreate(link.Destination, UriKind.Absolute, out var destination) || destination.Scheme is not ("http" or "https"))
            {
                await PageAsync(http, StatusCodes.Status404NotFound, "Link not found", "This link is not one of ours, or it is mistyped.");
                return;
            }
            var userAgent = http.Request.Headers.UserAgent.ToString();
            if (IsCounted(http.Request.Method, userAgent))
            {
                db.Add(new LinkClick
                {
                    LinkId = link.Id, CampaignId = link.CampaignId, ContactId = link.ContactId, At = time.GetUtcNow().UtcDateTime,
                    UserAgent = userAgent.Length == 0 ? null : userAgent.Length > 300 ? userAgent[..300] : userAgent,
                });
                // The person is on their way whatever happens next: the redirect does not wait on a slow disk.
                await db.SaveChangesAsync(CancellationToken.None);
                Hangfire.BackgroundJobClientExtensions.Enqueue<LinkClickAttributionJob>(jobs, j => j.RunAsync(CancellationToken.None));
                changes.Publish(link.CampaignId);
            }
            response.StatusCode = StatusCodes.Status302Found;
            response.Headers.Location = destination.AbsoluteUri;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or DbUpdateException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(ex, "Tracked link lookup failed");
            if (!response.HasStarted)
            {
                await PageAsync(http, StatusCodes.Status503ServiceUnavailable, "Try again in a moment", "We could not open this link just now. Please tap it again.");
            }
        }
    }

    /// <summary>A person's click: a GET from anything but a link-preview fetcher. HEAD (a preview or a checker) is answered, not counted.</summary>
    public static bool IsCounted(string method, string? userAgent) => HttpMethods.IsGet(method) && !LinkPreviewAgents.IsLinkPreview(userAgent);

    private static Task PageAsync(HttpContext http, int status, string title, string text) => StatusPages.WriteAsync(http, status, title, text, "link-status");
}
