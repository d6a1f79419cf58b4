using HibachiAdmin.Infrastructure.Live;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// Tells open pages which bookings changed (a new booking, a move, a payment, a replay), after the change is committed
/// (<see cref="ChangeNotifier{TKey}"/>, the pattern every live page uses). No keys: "anything may have changed" (a replay).
/// </summary>
public sealed class BookingChanges(ILogger<BookingChanges> logger) : ChangeNotifier<Guid>(logger);
