namespace HibachiAdmin.Features.Reviews.Contracts;

/// <summary>The outbox events of the reviews feature that other features may handle.</summary>
public static class ReviewEvents
{
    /// <summary>A review we had not seen before (imported or entered); data <see cref="ReviewReceived"/>.</summary>
    public const string Received = "review.received.v1";
}
