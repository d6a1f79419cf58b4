using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// A starting catalogue (the usual add-ons and three travel zones around a New York City base), and the ledger rows of the
/// demo bookings' online payments (after Bookings, from <see cref="BookingsDemoData.PaymentsKey"/>): the Payments page, Home's
/// money collected and the bookings show the same money.
/// </summary>
public sealed class PaymentsDemoSeed : IDemoSeedContributor
{
    public int Order => 45;

    public async Task<bool> HasDataAsync(AppDbContext db, CancellationToken ct) => await db.Set<AddOn>().AnyAsync(ct);

    public Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var order = 0;
        foreach (var (name, price, perGuest) in new[]
                 {
                     ("Filet mignon upgrade", 10m, true), ("Lobster tail", 15m, true), ("Extra protein", 8m, true), ("Yakisoba noodles", 5m, true),
                     ("Gyoza appetizer tray", 45m, false), ("Edamame tray", 25m, false),
                 })
        {
            db.Add(new AddOn { Id = Guid.CreateVersion7(), Name = name, Price = price, PerGuest = perGuest, SortOrder = order++ });
        }
        db.Add(new TravelZone { Id = Guid.CreateVersion7(), Name = "Manhattan and Brooklyn", Zips = "100, 101, 102, 112", Fee = 0m });
        db.Add(new TravelZone { Id = Guid.CreateVersion7(), Name = "Queens, Bronx, Staten Island", Zips = "103, 104, 110, 111, 113, 114, 116", Fee = 50m });
        db.Add(new TravelZone { Id = Guid.CreateVersion7(), Name = "Long Island and Westchester", Zips = "105, 106, 107, 108, 115, 117, 118, 119", Fee = 100m });
        if (context.Items.GetValueOrDefault(BookingsDemoData.PaymentsKey) is List<DemoPayment> payments)
        {
            foreach (var p in payments)
            {
                db.Add(new Payment
                {
                    Id = Guid.CreateVersion7(), PaymentIntentId = p.PaymentId, CheckoutSessionId = p.CheckoutSessionId, BookingId = p.BookingId, Installment = p.Installment,
                    Amount = p.Amount, Status = PaymentStatus.Paid, Refunded = p.Refunded, CreatedAt = p.PaidAt.AddMinutes(-3), PaidAt = p.PaidAt, UpdatedAt = p.RefundedAt ?? p.PaidAt,
                });
            }
        }
        return Task.CompletedTask;
    }
}
