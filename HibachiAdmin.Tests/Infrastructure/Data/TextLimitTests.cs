using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Tests.Infrastructure.Data;

/// <summary>Every text column of the app's own entities has a length limit in the model.</summary>
public sealed class TextLimitTests
{
    /// <summary>
    /// Stored documents (a webhook body, an event's JSON), bounded by the 256 KiB request limit rather
    /// than a column limit, a quote's computed lines (our own JSON of at most 50 add-ons plus the fixed lines, names
    /// from the length-limited catalogue), the event sheet's projected lists (dietary needs and equipment: at most
    /// <c>BookingSheetRow.MaxListItems</c> entries of validated, length-limited text; the guest count log: one bounded entry
    /// per <c>GuestCountChanged</c> event, rebuilt by replay), and the columns ASP.NET Core Identity fills itself (ids, stamps, hashes).
    /// </summary>
    private static readonly string[] Unbounded =
    [
        "InboundEvent.Payload", "OutboxEntry.Data", "StoredEvent.Data", "Quote.LinesJson",
        "BookingSheetRow.DietaryJson", "BookingSheetRow.EquipmentJson", "BookingSheetRow.GuestLogJson",
        "ApplicationUser.Id", "ApplicationUser.ConcurrencyStamp", "ApplicationUser.PasswordHash", "ApplicationUser.SecurityStamp",
        "ApplicationUser.PhoneNumber",
    ];

    [Fact]
    public void Every_text_property_has_a_max_length()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        var missing = db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Namespace?.StartsWith("HibachiAdmin", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null)
                .Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Where(name => !Unbounded.Contains(name))
            .ToList();
        Assert.True(missing.Count == 0, "No length limit: " + string.Join(", ", missing));
    }
}
