namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>
/// A section another feature adds to each chef's row under Admin > Team (the calendar's per-chef feed link) without
/// Bookings depending on it. The component takes <c>ChefId</c> (Guid) and <c>ChefName</c> (string).
/// </summary>
public interface IChefRowPanel
{
    Type Component { get; }
}
