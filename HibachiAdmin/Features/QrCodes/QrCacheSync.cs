namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// Keeps this instance's redirect cache in step with edits made on another instance over the same database
/// (an edit on this instance invalidates at once): every <c>Qr:CacheSyncSeconds</c> (default 2; 0 turns it
/// off) it reads the slugs of codes changed since it last looked and drops them from the cache. One query over
/// the (small) codes table per interval, whatever the scan rate. Looks back 10 s past its last mark so an instance whose clock
/// is a little behind is not missed; a code changed by an instance more than that behind is still picked up
/// when the cached entry expires (<see cref="QrCodeService.PositiveLifetime"/>).
/// </summary>
public sealed class QrCacheSync(QrCodeService codes, TimeProvider time, IConfiguration configuration, ILogger<QrCacheSync> logger) : BackgroundService
{
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Qr:CacheSyncSeconds", 2.0);
        if (seconds <= 0)
        {
            return;
        }
        var mark = time.GetUtcNow().UtcDateTime;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Min(seconds, 3600)), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    mark = await codes.InvalidateChangedSinceAsync(mark - Overlap, stoppingToken) is { } newest && newest > mark ? newest : mark;
                }
                catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
                {
                    logger.LogWarning(ex, "QR cache sync failed; retrying at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
