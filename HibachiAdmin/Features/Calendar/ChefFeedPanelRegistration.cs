using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>Puts each chef's calendar link (<see cref="ChefFeedPanel"/>) on their row under Admin > Team.</summary>
public sealed class ChefFeedPanelRegistration : IChefRowPanel
{
    public Type Component => typeof(ChefFeedPanel);
}
