using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Google;

namespace HibachiAdmin.Features.Reviews;

/// <summary>
/// Demo reviews (Seed:Demo=true): the sandbox's Google reviews (the hourly import then finds them
/// already known), plus Yelp and Facebook reviews entered by hand — one happy, one unhappy waiting for a reply.
/// </summary>
public sealed class ReviewsDemoSeed(SandboxGoogleReviewSource sandbox) : IDemoSeedContributor
{
    public int Order => 50;

    public async Task SeedAsync(AppDbContext db, DemoSeedContext context, CancellationToken ct)
    {
        var now = context.UtcNow;
        var page = await sandbox.ListAsync(null, ct);
        foreach (var g in page.Reviews ?? [])
        {
            db.Add(new Review
            {
                Platform = ReviewPlatform.Google, ExternalId = g.ReviewId, ResourceName = g.Name, ReviewerName = g.Reviewer?.DisplayName ?? "A Google user",
                Rating = g.Stars, Text = g.Comment, CreatedAt = g.CreateTime, UpdatedAt = g.UpdateTime, ImportedAt = now, LastSeenAt = now,
                ReplyText = g.Stars == 4 ? "Thanks Marcus! We've added a second helper so setup is quicker. Hope to cook for you again." : null,
                ReplyState = g.Stars == 4 ? ReplyState.Posted : ReplyState.None, ReplyUpdatedAt = g.Stars == 4 ? g.CreateTime.AddHours(5) : null,
            });
        }
        db.Add(new Review
        {
            Platform = ReviewPlatform.Yelp, ExternalId = "demo-yelp-1", ReviewerName = "Ella A.", Rating = 5, CreatedAt = now.AddDays(-6), UpdatedAt = now.AddDays(-6),
            Text = "Booked Ember & Steel for my parents' anniversary in Queens. The chef was hilarious and the shrimp was perfect...",
            Url = "https://www.yelp.com/biz/ember-and-steel-hibachi-new-york", ImportedAt = now, LastSeenAt = now,
        });
        db.Add(new Review
        {
            Platform = ReviewPlatform.Facebook, ExternalId = "demo-fb-review-1", ReviewerName = "Chris Walker", Rating = 3, CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2),
            Text = "Food was tasty but they ran out of fried rice for the last few guests.", ImportedAt = now, LastSeenAt = now,
            ReplyText = "Chris, thank you for telling us, and we're sorry some guests missed out on the fried rice. We now bring extra for every party over 20. Please call us at (212) 555-0147.",
            ReplyState = ReplyState.AwaitingApproval, ReplyUpdatedAt = now.AddDays(-1),
        });
    }
}
