using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Common;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>The QR code API (Marketing and up): codes, their images, scans and analytics.</summary>
public static class QrCodesEndpoints
{
    /// <summary>Create or replace a code. <c>destinationUrl</c> (http or https) or <c>useInquiryForm: true</c>; UTM fields left out are filled from type, campaign and placement.</summary>
    public sealed record QrCodeRequest(
        [property: Required, StringLength(QrCode.MaxName)] string? Name,
        [property: Required] QrCodeType? Type,
        [property: StringLength(QrCode.MaxUrl)] string? DestinationUrl = null,
        bool? UseInquiryForm = null,
        Guid? CampaignId = null,
        [property: StringLength(QrCode.MaxCampaign)] string? Campaign = null,
        [property: StringLength(QrCode.MaxVenue)] string? Venue = null,
        [property: Range(1, QrCode.MaxTableNumber)] int? TableNumber = null,
        DateOnly? EventDate = null,
        [property: StringLength(QrCode.MaxUtm)] string? UtmSource = null,
        [property: StringLength(QrCode.MaxUtm)] string? UtmMedium = null,
        [property: StringLength(QrCode.MaxUtm)] string? UtmCampaign = null,
        [property: StringLength(QrCode.MaxUtm)] string? UtmContent = null,
        bool? IsActive = null,
        DateTime? ValidFrom = null,
        DateTime? ValidUntil = null,
        [property: StringLength(QrCode.MaxColor)] string? ForegroundColor = null,
        [property: StringLength(QrCode.MaxColor)] string? BackgroundColor = null,
        bool? WithLogo = null,
        QrErrorCorrection? ErrorCorrection = null)
    {
        public QrCodeInput ToInput() => new()
        {
            Name = Name ?? "", Type = Type ?? QrCodeType.Other, DestinationUrl = DestinationUrl, UsesInquiryForm = UseInquiryForm ?? false, CampaignId = CampaignId,
            Campaign = Campaign, Venue = Venue, TableNumber = TableNumber, EventDate = EventDate, UtmSource = UtmSource, UtmMedium = UtmMedium,
            UtmCampaign = UtmCampaign, UtmContent = UtmContent, IsActive = IsActive ?? true, ValidFrom = Utc(ValidFrom), ValidUntil = Utc(ValidUntil),
            ForegroundColor = ForegroundColor ?? "#000000", BackgroundColor = BackgroundColor ?? "#FFFFFF", WithLogo = WithLogo ?? false,
            ErrorCorrection = ErrorCorrection ?? (WithLogo == true ? QrErrorCorrection.H : QrErrorCorrection.M),
        };

        private static DateTime? Utc(DateTime? value) => value is { } v ? v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime() : null;
    }

    public static IEndpointRouteBuilder MapQrCodesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/qr-codes").WithTags("QR codes").RequireAuthorization(Policies.MarketingPlus);
        group.MapGet("/", ListAsync).WithSummary("Codes, newest first; q matches name, slug or venue");
        group.MapPost("/", CreateAsync).WithSummary("Create a code (slug and scan URL are assigned)");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One code with its scan URL");
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replace a code's settings (slug stays); the redirect sees the change at once");
        group.MapGet("/{id:guid}/image.png", PngAsync).WithSummary("The QR image of scanUrl as PNG; size in pixels 128–2048 (default 512)");
        group.MapGet("/{id:guid}/image.svg", SvgAsync).WithSummary("The QR image of scanUrl as SVG (with the centre logo when the code has one)");
        group.MapGet("/{id:guid}/scans", ScansAsync).WithSummary("The code's scans, newest first, with device, OS, browser and geo; bots only with includeBots=true");
        group.MapGet("/{id:guid}/scans.csv", CsvAsync).WithSummary("The code's scans as CSV");
        group.MapGet("/scans.csv", AllCsvAsync).WithSummary("Every scan as CSV");
        group.MapGet("/analytics", AnalyticsAsync).WithSummary("Totals, unique visitors, by day, device/OS/browser, countries, cities and the placement leaderboard; from/to (YYYY-MM-DD, default last 30 days), qrCodeId, includeBots");
        return app;
    }

    private static async Task<Results<Ok<PagedResult<QrCodeDto>>, ValidationProblem>> ListAsync(
        string? q, int? page, int? pageSize, QrCodeService codes, IConfiguration configuration, HttpRequest request, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        if (paging.Validate() is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (q is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(Validation.Error("q", Validation.TooLong(200)));
        }
        var result = await codes.ListAsync(q, paging.Page, paging.PageSize, ct);
        var baseUrl = QrBaseUrl.For(configuration, request);
        return TypedResults.Ok(new PagedResult<QrCodeDto>(result.Items.Select(c => QrCodeDto.From(c, baseUrl)).ToList(), result.Total));
    }

    private static async Task<Results<Created<QrCodeDto>, ValidationProblem>> CreateAsync(
        QrCodeRequest body, QrCodeService codes, IConfiguration configuration, HttpRequest request, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await codes.CreateAsync(body.ToInput(), ct);
        if (result.Errors is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(result.Errors);
        }
        var dto = QrCodeDto.From(result.Code!, QrBaseUrl.For(configuration, request));
        return TypedResults.Created($"/api/v1/qr-codes/{dto.Id}", dto);
    }

    private static async Task<Results<Ok<QrCodeDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, QrCodeRequest body, QrCodeService codes, IConfiguration configuration, HttpRequest request, CancellationToken ct)
    {
        if (Validation.Validate(body) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var result = await codes.UpdateAsync(id, body.ToInput(), ct);
        if (result.NotFound)
        {
            return NotFound(id);
        }
        if (result.Errors is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(result.Errors);
        }
        return TypedResults.Ok(QrCodeDto.From(result.Code!, QrBaseUrl.For(configuration, request)));
    }

    private static async Task<Results<Ok<QrCodeDto>, ProblemHttpResult>> GetAsync(Guid id, QrCodeService codes, IConfiguration configuration, HttpRequest request, CancellationToken ct) =>
        await codes.GetAsync(id, ct) is { } code ? TypedResults.Ok(QrCodeDto.From(code, QrBaseUrl.For(configuration, request))) : NotFound(id);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PngAsync(
        Guid id, int? size, QrCodeService codes, IConfiguration configuration, HttpRequest request, CancellationToken ct)
    {
        var pixels = size ?? QrImages.DefaultSize;
        if (pixels is < QrImages.MinSize or > QrImages.MaxSize)
        {
            return TypedResults.ValidationProblem(Validation.Error("size", $"Expected a value from {QrImages.MinSize} to {QrImages.MaxSize}."));
        }
        if (await codes.GetAsync(id, ct) is not { } code)
        {
            return NotFound(id);
        }
        var png = QrImages.Png(QrLinks.ScanUrl(QrBaseUrl.For(configuration, request), code.Slug), pixels, code.ForegroundColor, code.BackgroundColor, code.ErrorCorrection, code.WithLogo);
        return TypedResults.File(png, "image/png", $"qr-{code.Slug}.png");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SvgAsync(
        Guid id, QrCodeService codes, QrImages images, IConfiguration configuration, HttpRequest request, CancellationToken ct)
    {
        if (await codes.GetAsync(id, ct) is not { } code)
        {
            return NotFound(id);
        }
        var svg = images.Svg(QrLinks.ScanUrl(QrBaseUrl.For(configuration, request), code.Slug), code.ForegroundColor, code.BackgroundColor, code.ErrorCorrection, code.WithLogo);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(svg), "image/svg+xml", $"qr-{code.Slug}.svg");
    }

    private static async Task<Results<Ok<PagedResult<ScanDto>>, ValidationProblem, ProblemHttpResult>> ScansAsync(
        Guid id, int? page, int? pageSize, bool? includeBots, QrCodeService codes, QrAnalyticsService analytics, CancellationToken ct)
    {
        var paging = new PageRequest(page ?? 1, pageSize ?? 50);
        if (paging.Validate() is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await codes.GetAsync(id, ct) is null)
        {
            return NotFound(id);
        }
        return TypedResults.Ok(await analytics.ScansAsync(id, includeBots ?? false, paging.Page, paging.PageSize, ct));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> CsvAsync(Guid id, bool? includeBots, QrCodeService codes, QrAnalyticsService analytics, CancellationToken ct) =>
        await codes.GetAsync(id, ct) is { } code ? Csv(analytics, id, includeBots ?? false, $"qr-scans-{code.Slug}.csv") : NotFound(id);

    private static PushStreamHttpResult AllCsvAsync(bool? includeBots, QrAnalyticsService analytics) => Csv(analytics, null, includeBots ?? false, "qr-scans.csv");

    private static PushStreamHttpResult Csv(QrAnalyticsService analytics, Guid? id, bool includeBots, string fileName) =>
        TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            await foreach (var line in analytics.ExportCsvAsync(id, includeBots, CancellationToken.None))
            {
                await writer.WriteAsync(line);
                await writer.WriteAsync("\r\n");
            }
        }, "text/csv; charset=utf-8", fileName);

    private static async Task<Results<Ok<QrAnalytics>, ValidationProblem>> AnalyticsAsync(
        string? from, string? to, Guid? qrCodeId, bool? includeBots, QrAnalyticsService analytics, TimeProvider time, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var toDay = QueryValues.Date(to, "to", errors) ?? today;
        var fromDay = QueryValues.Date(from, "from", errors) ?? toDay.AddDays(-29);
        if (errors.Count == 0 && (fromDay > toDay || toDay.DayNumber - fromDay.DayNumber >= QrAnalyticsService.MaxDays))
        {
            errors["from"] = [$"Expected from ≤ to, at most {QrAnalyticsService.MaxDays} days apart."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await analytics.GetAsync(fromDay, toDay, qrCodeId, includeBots ?? false, ct));
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: 404, title: "QR code not found", detail: $"No QR code has id {id}.");
}
