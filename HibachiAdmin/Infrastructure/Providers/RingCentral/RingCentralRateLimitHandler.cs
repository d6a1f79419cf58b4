using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>
/// The RingCentral HTTP pipeline's limit handler: every request waits for its lane (<see cref="RingCentralRateBudgets"/>),
/// and a 429 blocks its usage-plan group for Retry-After, then the request is sent again (a 429 means it was refused,
/// so a retry cannot send a text twice), at most <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class RingCentralRateLimitHandler(RingCentralRateBudgets budgets) : DelegatingHandler
{
    public const int MaxAttempts = 4;

    /// <summary>One attempt's own timeout (the client's timeout covers waits on limits too, so it is long).</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(60);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var lane = RingCentralRateBudgets.LaneOf(request.Method, request.RequestUri?.AbsolutePath ?? "");
        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(ct);
        }
        for (var attempt = 1; ; attempt++)
        {
            using (await budgets.AcquireAsync(lane, ct))
            {
            }
            using var message = attempt == 1 ? null : Clone(request, body);
            var toSend = message ?? request;
            if (attempt == 1 && body is not null)
            {
                request.Content = Copy(request.Content!, body);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(AttemptTimeout);
            var response = await base.SendAsync(toSend, timeout.Token);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }
            budgets.Refused(lane, response);
            if (attempt >= MaxAttempts)
            {
                return response;
            }
            response.Dispose();
        }
    }

    private static HttpRequestMessage Clone(HttpRequestMessage request, byte[]? body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        if (body is not null && request.Content is not null)
        {
            clone.Content = Copy(request.Content, body);
        }
        return clone;
    }

    private static ByteArrayContent Copy(HttpContent original, byte[] body)
    {
        var content = new ByteArrayContent(body);
        foreach (var header in original.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
        return content;
    }
}
