using System.Globalization;
using System.Runtime.CompilerServices;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Payments.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

/// <summary>The payments list (Payments page, CSV) and the money collected.</summary>
public sealed class PaymentsLedger(IDbContextFactory<AppDbContext> dbFactory, Formats formats) : IPaymentsLedger
{
    public async Task<decimal> CollectedAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.Status == PaymentStatus.Paid && p.PaidAt >= fromUtc && p.PaidAt < toUtc).Select(p => new { p.Amount, p.Refunded }).ToListAsync(ct);
        return rows.Sum(p => p.Amount - p.Refunded);
    }

    public async Task<PagedResult<Payment>> ListAsync(int page, int pageSize, CancellationToken ct)
    {
        var paging = new PageRequest(page, pageSize);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Set<Payment>().AsNoTracking();
        var total = await rows.CountAsync(ct);
        return new PagedResult<Payment>(await rows.OrderByDescending(p => p.CreatedAt).Skip(paging.Skip).Take(paging.Take).ToListAsync(ct), total);
    }

    public static string StatusWords(Payment p) =>
        p.Disputed ? "disputed" : p.Refunded >= p.Amount && p.Amount > 0 ? "refunded" : p.Refunded > 0 ? "partly refunded"
        : p.Status switch { PaymentStatus.Paid => "paid", PaymentStatus.Pending => "waiting for the bank", _ => "failed" };

    /// <summary>Every payment, newest first, as CSV lines (header first); amounts in USD with two decimals, times in the business's zone.</summary>
    public async IAsyncEnumerable<string> CsvAsync([EnumeratorCancellation] CancellationToken ct)
    {
        yield return "paid_at,booking_id,installment,amount_usd,refunded_usd,net_usd,status,dispute_reason,payment_intent";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var p in db.Set<Payment>().AsNoTracking().OrderByDescending(p => p.CreatedAt).AsAsyncEnumerable().WithCancellation(ct))
        {
            string[] cells =
            [
                p.PaidAt is { } at ? formats.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
                p.BookingId?.ToString() ?? "", p.Installment ?? "", Usd(p.Amount), Usd(p.Refunded), Usd(p.Amount - p.Refunded), StatusWords(p),
                CsvCells.Neutralize(p.DisputeReason) ?? "", p.PaymentIntentId,
            ];
            yield return string.Join(',', cells.Select(Quote));
        }
    }

    private static string Usd(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
