using HibachiAdmin.Common;
using HibachiAdmin.Features.Calls.Contracts;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.Calls;

public static class CallsEndpoints
{
    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/calls").WithTags("Calls").RequireAuthorization(Policies.StaffPlus);
        group.MapGet("/", ListAsync).WithSummary("Call log, newest first; missed=true for missed calls only");
        group.MapGet("/{id:guid}/recording", RecordingAsync).WithSummary("Stream a call's recording")
            .Produces(200, contentType: "audio/mpeg").Produces(200, contentType: "audio/wav").ProducesProblem(404).ProducesProblem(502);
        return app;
    }

    private static async Task<Results<Ok<PagedResult<CallRow>>, ValidationProblem>> ListAsync(
        CallService calls, bool? missed, string? direction, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        return paging.Validate() is { } errors
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await calls.ListAsync(missed == true, direction, paging.Page, paging.PageSize, ct));
    }

    /// <summary>
    /// Streams a call's recording to signed-in staff. The sandbox serves a generated demo clip; the
    /// RingCentral provider (not built yet) will stream the media URI with the app's token.
    /// </summary>
    private static async Task<IResult> RecordingAsync(Guid id, CallService calls, IConfiguration configuration, IServiceProvider services, HttpContext http, CancellationToken ct)
    {
        var call = await calls.GetAsync(id, ct);
        if (call is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Call not found");
        }
        if (call.RecordingId is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "This call has no recording");
        }
        if (string.Equals(configuration["Sms:Provider"], "RingCentral", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var client = services.GetRequiredService<Infrastructure.Providers.RingCentral.RingCentralClient>();
                var upstream = await client.OpenRecordingAsync(call.RecordingId, ct);
                http.Response.RegisterForDispose(upstream);
                var type = upstream.Content.Headers.ContentType?.MediaType ?? "audio/mpeg";
                return TypedResults.Stream(await upstream.Content.ReadAsStreamAsync(ct), type, $"call-{call.Id}{(type == "audio/wav" ? ".wav" : ".mp3")}");
            }
            catch (Infrastructure.Providers.RingCentral.RingCentralException ex)
            {
                return TypedResults.Problem(statusCode: 502, title: "Recording unavailable", detail: $"RingCentral refused the recording ({ex.ErrorCode ?? ((int)ex.Status).ToString(System.Globalization.CultureInfo.InvariantCulture)}). Recordings under ~30 s are not kept.");
            }
        }
        return TypedResults.File(DemoClip.Value, "audio/wav", $"call-{call.Id}.wav", enableRangeProcessing: true);
    }

    /// <summary>Two seconds of a soft 440 Hz tone, 8 kHz mono PCM: enough to prove playback end to end.</summary>
    private static readonly Lazy<byte[]> DemoClip = new(() =>
    {
        const int rate = 8000;
        const int samples = rate * 2;
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms);
        w.Write("RIFF"u8.ToArray());
        w.Write(36 + samples * 2);
        w.Write("WAVEfmt "u8.ToArray());
        w.Write(16);
        w.Write((short)1);
        w.Write((short)1);
        w.Write(rate);
        w.Write(rate * 2);
        w.Write((short)2);
        w.Write((short)16);
        w.Write("data"u8.ToArray());
        w.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            w.Write((short)(Math.Sin(2 * Math.PI * 440 * i / rate) * 3000));
        }
        return ms.ToArray();
    });
}
