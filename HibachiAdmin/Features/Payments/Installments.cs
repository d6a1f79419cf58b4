using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Payments;

/// <summary>
/// What one installment asks for now, always from the booking as stored (never from a request): the deposit is
/// what the quote asks (or <c>Payments:DepositPercent</c> of the total before a quote) less what was already paid;
/// the balance is everything still due. Nothing is due on a cancelled booking.
/// </summary>
public static class Installments
{
    public const string Deposit = "deposit";
    public const string Balance = "balance";

    public static bool IsKnown(string? installment) => installment is Deposit or Balance;

    public static string Label(string? installment) => installment == Deposit ? "Deposit" : installment == Balance ? "Balance" : "Payment";

    public static decimal DepositAsked(BookingMoney booking, decimal depositPercent) =>
        booking.QuoteId is not null ? booking.DepositDue : QuoteCalculator.Cents(booking.Total * depositPercent / 100m);

    public static decimal DueNow(BookingMoney booking, string installment, decimal depositPercent)
    {
        if (booking.Status is BookingStatus.Cancelled or BookingStatus.Completed && installment == Deposit)
        {
            return 0;
        }
        var due = booking.AmountDue;
        return installment == Deposit ? Math.Min(due, Math.Max(0, DepositAsked(booking, depositPercent) - booking.AmountPaid)) : due;
    }

    /// <summary>The installment a customer's page offers next: the deposit until it is covered, then the balance; null when nothing is due.</summary>
    public static string? Next(BookingMoney booking, decimal depositPercent) =>
        DueNow(booking, Deposit, depositPercent) > 0 ? Deposit : DueNow(booking, Balance, depositPercent) > 0 ? Balance : null;
}
