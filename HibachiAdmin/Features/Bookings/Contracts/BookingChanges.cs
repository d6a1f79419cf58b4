using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// Tells open pages which bookings changed (a chef's "on the way" from their phone, an assignment, any booking command, a move, a payment, a replay),
/// after the change is committed (<see cref="ChangeNotifier{TKey}"/>, the pattern every live page uses).
/// </summary>
public sealed class BookingChanges(ILogger<BookingChanges> logger) : ChangeNotifier<Guid>(logger)
{
    /// <summary>For pages that reload whatever changed.</summary>
    public IDisposable Subscribe(Func<Task> onChanged) => Subscribe(_ => onChanged());
}
