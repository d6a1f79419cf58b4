using System.Text.RegularExpressions;
using HibachiAdmin.Features.Bookings.Sheet;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Bookings.Sheet;

/// <summary>Drives an assignment's text by hand: the outbox, then the chef-texts job; reads what was texted.</summary>
public static partial class SheetTestKit
{
    public static async Task TextChefsAsync(IServiceProvider services)
    {
        await Pipeline.RunToCompletionAsync(services);
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ChefNoticesJob>().RunAsync(default);
    }

    /// <summary>Every text that went to the provider for <paramref name="e164"/> (refused ones are not texts).</summary>
    public static async Task<List<OutboundMessage>> TextsToAsync(IServiceProvider services, string e164)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<OutboundMessage>().AsNoTracking().Where(m => m.To == e164 && m.Status != HibachiAdmin.Features.Messaging.Contracts.OutboundStatus.Refused).ToListAsync();
    }

    public static async Task<List<ChefNotice>> NoticesAsync(IServiceProvider services, Guid bookingId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ChefNotice>().AsNoTracking().Where(n => n.BookingId == bookingId).ToListAsync();
    }

    /// <summary>The sheet link's path in a text (<c>/sheet/{token}</c>).</summary>
    public static string LinkPath(string text) => SheetLink().Match(text) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No sheet link in: {text}");

    [GeneratedRegex("/sheet/[A-Za-z0-9_-]{22}")]
    private static partial Regex SheetLink();
}
