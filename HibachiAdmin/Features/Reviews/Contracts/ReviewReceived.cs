namespace HibachiAdmin.Features.Reviews.Contracts;

/// <summary>A new review (the outbox event <see cref="ReviewEvents.Received"/>).</summary>
/// <param name="Platform">The site's label as people read it ("Google", "Yelp").</param>
public sealed record ReviewReceived(Guid ReviewId, int Rating, string ReviewerName, string Platform, string? Text);
