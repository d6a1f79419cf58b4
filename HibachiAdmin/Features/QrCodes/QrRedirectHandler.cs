namespace HibachiAdmin.Features.QrCodes;

/// <summary>The redirect itself (singleton: the code cache, the clock, the scan queue and geo are all singletons).</summary>
public sealed class QrRedirectHandler(QrCodeService codes, TimeProvider time, ScanQueue queue, QrGeo geo, ILogger<QrRedirectHandler> logger)
{
    public async Task HandleAsync(HttpContext http, string slug)
    {
        var response = http.Response;
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer-when-downgrade";
        QrTarget? target;
        try
        {
            var key = QrSlugs.Normalize(slug);
            target = key is null ? null : await codes.FindTargetAsync(key, http.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            logger.LogError(ex, "QR lookup failed");
            await QrRedirectEndpoints.PageAsync(http, StatusCodes.Status503ServiceUnavailable, "Try again in a moment", "We could not look this code up just now. Please scan it again.");
            return;
        }
        if (target is null)
        {
            await QrRedirectEndpoints.PageAsync(http, StatusCodes.Status404NotFound, "Code not found", "This QR code is not one of ours, or the link is mistyped.");
            return;
        }
        var clock = time.GetUtcNow();
        var now = clock.UtcDateTime;
        var availability = target.AvailabilityAt(now);
        if (availability != QrAvailability.Live)
        {
            await QrRedirectEndpoints.PageAsync(http, StatusCodes.Status410Gone, "This code is no longer active",
                availability == QrAvailability.NotYetValid ? "This QR code is not active yet. Please try again later." : "This QR code has expired or was switched off.");
            return;
        }
        if (target.Location is not { } location)
        {
            logger.LogWarning("QR code {Slug} has a destination that cannot be sent; edit the code", target.Slug);
            await QrRedirectEndpoints.PageAsync(http, StatusCodes.Status410Gone, "This code is no longer active", "This QR code's link does not work. Please let the business know.");
            return;
        }
        var request = http.Request;
        var userAgent = request.Headers.UserAgent.ToString();
        if (HttpMethods.IsGet(request.Method) && !UserAgentClassifier.IsLinkPreview(userAgent))
        {
            var (visitor, isNew) = QrRedirectEndpoints.VisitorOf(http, clock);
            var channel = QrLinks.HasPrintedMarker(request.QueryString.Value) ? ScanChannel.Printed : ScanChannel.Link;
            var referer = request.Headers.Referer.ToString();
            queue.TryEnqueue(new ScanEvent(target.Id, now, channel, http.Connection.RemoteIpAddress, visitor,
                userAgent.Length == 0 ? null : userAgent, referer.Length == 0 ? null : referer, geo.FromHeaders(request.Headers), isNew));
        }
        response.StatusCode = StatusCodes.Status302Found;
        headers.Location = location;
    }
}
