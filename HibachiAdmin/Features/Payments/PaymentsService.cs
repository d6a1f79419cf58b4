using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// Quotes (priced from the catalogue and configuration, sent as frozen versions), the customer's links, acceptance
/// with its evidence, and checkouts for exactly what the booking owes. The booking's side (QuoteSent,
/// QuoteAccepted) is appended in the same transaction as the quote rows.
/// </summary>
public sealed partial class PaymentsService(
    IDbContextFactory<AppDbContext> dbFactory,
    IBookingMoney bookings,
    IOptions<PaymentsOptions> options,
    IConfiguration configuration,
    ICheckoutProvider checkout,
    Contacts.Contracts.IContactService contacts,
    Messaging.Contracts.ISmsService sms,
    OutboxSignal signal,
    Formats formats,
    TimeProvider time,
    ILogger<PaymentsService> logger)
{
    public const int MaxGuests = 200;
    public const int MaxAddOnQuantity = 500;
    public const decimal MaxTravelFee = 10_000m;
    public const decimal MaxGratuityPercent = 50m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public PaymentsOptions Options => options.Value;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public decimal AdultPrice => decimal.TryParse(configuration["Business:PricePerPerson"], System.Globalization.NumberStyles.Number,
        System.Globalization.CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 60m;

    public int MinimumGuests => int.TryParse(configuration["Business:MinimumGuests"], out var m) && m > 0 ? m : 0;

    public static IReadOnlyList<QuoteLine> LinesOf(Quote quote) => JsonSerializer.Deserialize<List<QuoteLine>>(quote.LinesJson, Json) ?? [];

    /// <summary>Checks the draft (400s name the field) and prices it for the booking's date and ZIP.</summary>
    public async Task<QuoteResult> PreviewAsync(Guid bookingId, QuoteDraft draft, CancellationToken ct)
    {
        if (await bookings.GetMoneyAsync(bookingId, ct) is not { } booking)
        {
            return new QuoteResult(null, NotFound: true);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PriceAsync(db, booking, draft, ct);
    }

    private async Task<QuoteResult> PriceAsync(AppDbContext db, BookingMoney booking, QuoteDraft draft, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (draft.Adults is < 0 or > MaxGuests)
        {
            errors["adults"] = [$"Expected 0 to {MaxGuests} adults."];
        }
        if (draft.Children is < 0 or > MaxGuests)
        {
            errors["children"] = [$"Expected 0 to {MaxGuests} children."];
        }
        if (errors.Count == 0 && draft.Adults + draft.Children < 1)
        {
            errors["adults"] = ["A quote needs at least one guest."];
        }
        Money.Validate(errors, "adultPrice", draft.AdultPrice, Money.MaxPricePerPerson, positive: true);
        Money.Validate(errors, "childPrice", draft.ChildPrice, Money.MaxPricePerPerson);
        Money.Validate(errors, "travelFee", draft.TravelFee, MaxTravelFee);
        if (draft.GratuityPercent is { } g && (g < 0 || g > MaxGratuityPercent || decimal.Round(g, 3) != g))
        {
            errors["gratuityPercent"] = [$"Expected a percentage from 0 to {MaxGratuityPercent}."];
        }
        if (draft.Terms is { Length: > Quote.MaxTerms })
        {
            errors["terms"] = [$"At most {Quote.MaxTerms} characters."];
        }
        var catalogue = await db.Set<AddOn>().AsNoTracking().Where(a => a.Active).ToListAsync(ct);
        var chosen = new List<(AddOn, int)>();
        for (var i = 0; i < draft.AddOns.Count; i++)
        {
            var choice = draft.AddOns[i];
            if (catalogue.FirstOrDefault(a => a.Id == choice.AddOnId) is not { } addOn)
            {
                errors[$"addOns[{i}].addOnId"] = ["No active add-on has this id."];
            }
            else if (choice.Quantity is < 0 or > MaxAddOnQuantity)
            {
                errors[$"addOns[{i}].quantity"] = [$"Expected 0 to {MaxAddOnQuantity}."];
            }
            else if (chosen.Any(c => c.Item1.Id == addOn.Id))
            {
                errors[$"addOns[{i}].addOnId"] = ["This add-on is listed twice."];
            }
            else
            {
                chosen.Add((addOn, choice.Quantity));
            }
        }
        if (errors.Count > 0)
        {
            return new QuoteResult(null, Errors: errors);
        }
        var zone = TravelZones.Match(await db.Set<TravelZone>().AsNoTracking().ToListAsync(ct), booking.Zip);
        var o = options.Value;
        var totals = QuoteCalculator.Calculate(new QuoteInput(
            draft.Adults, draft.Children, draft.AdultPrice ?? AdultPrice, draft.ChildPrice ?? o.ChildPrice, chosen,
            draft.TravelFee ?? zone?.Fee, draft.TravelFee is null ? zone?.Name : null, draft.GratuityPercent ?? o.GratuityPercent, o.TaxRatePercent,
            MinimumGuests, o.MinimumTotal, o.DepositPercent, o.DepositFixed, o.BalanceDueDays, booking.EventDate, formats.Today));
        return new QuoteResult(totals, TravelZone: zone?.Name);
    }

    /// <summary>
    /// Sends a new quote version: the quote row, a fresh customer link and the booking's QuoteSent commit together.
    /// The earlier versions stay readable; the booking is priced by this one from now on.
    /// </summary>
    public async Task<QuoteResult> SendAsync(Guid bookingId, QuoteDraft draft, Actor actor, string baseUrl, CancellationToken ct)
    {
        if (await bookings.GetMoneyAsync(bookingId, ct) is not { } booking)
        {
            return new QuoteResult(null, NotFound: true);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var priced = await PriceAsync(db, booking, draft, ct);
        if (priced.Totals is not { } totals)
        {
            return priced;
        }
        var version = (await db.Set<Quote>().Where(q => q.BookingId == bookingId).MaxAsync(q => (int?)q.Version, ct) ?? 0) + 1;
        var quote = new Quote
        {
            Id = Guid.CreateVersion7(), BookingId = bookingId, Version = version, Adults = draft.Adults, Children = draft.Children,
            LinesJson = JsonSerializer.Serialize(totals.Lines, Json), Subtotal = totals.Subtotal, Travel = totals.Travel, Gratuity = totals.Gratuity,
            Tax = totals.Tax, Total = totals.Total, Deposit = totals.Deposit, BalanceDueDate = totals.BalanceDueDate,
            Terms = string.IsNullOrWhiteSpace(draft.Terms) ? options.Value.Terms : draft.Terms.Trim(), SentAt = Now, SentBy = actor.Name,
        };
        db.Add(quote);
        var token = AddLink(db, bookingId, null, actor);
        var appended = await bookings.SendQuoteAsync(new CrossFeatureTransaction(db), bookingId,
            new QuoteTerms(quote.Id, version, totals.Total, totals.Deposit, totals.BalanceDueDate), actor, ct);
        if (!appended.Ok)
        {
            return appended.Invalid is not null
                ? new QuoteResult(totals, Errors: new() { [appended.Field ?? "quote"] = [appended.Invalid] })
                : new QuoteResult(totals, NotFound: appended.NotFound, Conflict: appended.Conflict);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new QuoteResult(totals, Conflict: "Someone else changed this booking or its quote at the same time; nothing was sent. Try again.");
        }
        signal.Committed();
        return new QuoteResult(totals, quote, Url(baseUrl, token));
    }

    public async Task<IReadOnlyList<Quote>> QuotesAsync(Guid bookingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Set<Quote>().AsNoTracking().Where(q => q.BookingId == bookingId).OrderByDescending(q => q.Version).ToListAsync(ct);
    }

    public static string Url(string baseUrl, string token) => $"{baseUrl.TrimEnd('/')}/p/{token}";

    private string AddLink(AppDbContext db, Guid bookingId, string? installment, Actor actor)
    {
        var token = PayTokens.New();
        db.Add(new PayLink
        {
            Id = Guid.CreateVersion7(), BookingId = bookingId, TokenHash = PayTokens.Hash(token), Installment = installment,
            CreatedAt = Now, CreatedBy = actor.Name, ExpiresAt = Now.AddDays(Math.Max(1, options.Value.LinkDays)),
        });
        return token;
    }
}
