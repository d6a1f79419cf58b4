namespace HibachiAdmin.Features.Messaging.Contracts;

/// <summary>The first instant a text may go, and, when that is later than asked, why.</summary>
public sealed record SendWindow(DateTime Earliest, HoldExplanation? Explanation);
