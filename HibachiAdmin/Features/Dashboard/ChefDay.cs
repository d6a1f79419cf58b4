namespace HibachiAdmin.Features.Dashboard;

/// <summary>One day of chef load: active parties against the chefs there are.</summary>
public sealed record ChefDay(DateOnly Date, int Parties);
