using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Reviews;
using HibachiAdmin.Tests.Components;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HibachiAdmin.Tests.Features.Reviews;

/// <summary>
/// The reviews page as a manager (the test user holds every role): "Approve and post" approves the text on the
/// screen, not whatever the reply became since (issue 21, finding 3).
/// </summary>
public sealed class ReviewsPageTests : MudTestContext
{
    private FakeGoogle? _google;
    private AppFactory? _app;

    private async Task<(ReviewService Reviews, Guid Id)> StartAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _app = ReviewTests.NewApp(_google);
        var reviews = _app.Services.GetRequiredService<ReviewService>();
        await reviews.ImportGoogleAsync(full: true, default);
        var jo = (await reviews.ListAsync(new ReviewQuery(), default)).Items.Single(r => r.ReviewerName == "Jo Park");
        Services.AddSingleton(reviews);
        Services.AddSingleton(_app.Services.GetRequiredService<Formats>());
        Services.AddSingleton(_app.Services.GetRequiredService<HibachiAdmin.Features.Admin.Contracts.IStaffDirectory>());
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return (reviews, jo.Id);
    }

    private List<string?> Comments()
    {
        lock (_google!.Replies)
        {
            return _google.Replies.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("comment").GetString()).ToList();
        }
    }

    private const string Editor = "textarea[data-testid=review-reply-text], [data-testid=review-reply-text] textarea";

    private static IElement Card(IRenderedComponent<ReviewsPage> cut, string reviewer) =>
        cut.FindAll("[data-testid=review]").Single(c => c.TextContent.Contains(reviewer, StringComparison.Ordinal));

    [Fact]
    public async Task Approving_a_reply_that_changed_behind_the_page_posts_nothing_and_shows_the_new_text_for_a_new_approval()
    {
        var (reviews, id) = await StartAsync();
        const string seen = "Jo, we're sorry. Please call us.";
        const string rewrite = "Jo, the chef was on time by our clock.";
        Assert.Equal("needsApproval", (await reviews.ReplyAsync(id, seen, null, new Actor("staff@test.local"), approver: false, default)).Reason);
        var cut = Render<ReviewsPage>();
        cut.WaitForAssertion(() => Assert.Contains(seen, Card(cut, "Jo Park").TextContent, StringComparison.Ordinal));

        // Staff rewrites the reply (through the API, another tab…) while the manager reads the first text.
        Assert.Equal("needsApproval", (await reviews.ReplyAsync(id, rewrite, null, new Actor("staff@test.local"), approver: false, default)).Reason);
        await Card(cut, "Jo Park").QuerySelector("button[data-testid=review-approve]")!.ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            var card = Card(cut, "Jo Park");
            Assert.Contains(rewrite, card.TextContent, StringComparison.Ordinal);
            Assert.Contains("changed", card.QuerySelector("[data-testid=review-changed]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        });
        Assert.Empty(Comments());
        var row = await reviews.GetAsync(id, default);
        Assert.Equal((rewrite, ReplyState.AwaitingApproval, null), (row!.Reply, row.ReplyState, row.ApprovedBy));

        // The new text on the screen gets its own approval, and that is what Google receives, once.
        await Card(cut, "Jo Park").QuerySelector("button[data-testid=review-approve]")!.ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Replied", Card(cut, "Jo Park").QuerySelector("[data-testid=reply-state]")!.TextContent.Trim()));
        Assert.Null(Card(cut, "Jo Park").QuerySelector("[data-testid=review-changed]"));
        Assert.Equal([rewrite], Comments());
        row = await reviews.GetAsync(id, default);
        Assert.Equal((rewrite, ReplyState.Posted, "tester@test.local"), (row!.Reply, row.ReplyState, row.ApprovedBy));
    }

    [Fact]
    public async Task Saving_an_edit_over_a_reply_that_changed_meanwhile_keeps_the_draft_and_shows_the_other_text()
    {
        var (reviews, id) = await StartAsync();
        Assert.Equal("needsApproval", (await reviews.ReplyAsync(id, "Jo, we're sorry.", null, new Actor("staff@test.local"), approver: false, default)).Reason);
        var cut = Render<ReviewsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(Card(cut, "Jo Park").QuerySelector("button[data-testid=review-reply]")));
        await Card(cut, "Jo Park").QuerySelector("button[data-testid=review-reply]")!.ClickAsync(new());
        cut.WaitForAssertion(() => Assert.NotNull(Card(cut, "Jo Park").QuerySelector(Editor)));

        const string other = "Jo, someone else's words.";
        Assert.Equal("needsApproval", (await reviews.ReplyAsync(id, other, null, new Actor("other@test.local"), approver: false, default)).Reason);
        const string mine = "Jo, my careful apology.";
        await Card(cut, "Jo Park").QuerySelector(Editor)!.InputAsync(new() { Value = mine });
        await Card(cut, "Jo Park").QuerySelector("button[data-testid=review-save]")!.ClickAsync(new());

        // Not saved over the other text: the page shows it beside the kept draft; saving again replaces it knowingly.
        cut.WaitForAssertion(() => Assert.Contains(other, Card(cut, "Jo Park").QuerySelector("[data-testid=review-changed]")!.TextContent, StringComparison.Ordinal));
        Assert.Equal(other, (await reviews.GetAsync(id, default))!.Reply);
        await Card(cut, "Jo Park").QuerySelector("button[data-testid=review-save]")!.ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Null(Card(cut, "Jo Park").QuerySelector("[data-testid=review-reply-text]")));
        Assert.Contains(mine, Card(cut, "Jo Park").TextContent, StringComparison.Ordinal);
        Assert.Equal(mine, (await reviews.GetAsync(id, default))!.Reply);
    }

    protected override async ValueTask DisposeResourcesAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_google is not null)
        {
            await _google.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_reply_names_its_approver_by_the_name_staff_know_them_by_not_their_email()
    {
        var (reviews, id) = await StartAsync();
        var created = await _app!.Services.GetRequiredService<HibachiAdmin.Features.Admin.UserAdminService>()
            .CreateAsync("mia@demo.test", "Mia Chen", [HibachiAdmin.Infrastructure.Identity.Roles.Manager], null, Actor.System, default);
        Assert.True(created.Succeeded, created.Error);
        var waiting = await reviews.ReplyAsync(id, "Jo, we're sorry. Please call us.", null, new Actor("staff@test.local"), approver: false, default);
        Assert.Null((await reviews.ApproveAsync(id, waiting.Review!.ReplyVersion, new Actor("mia@demo.test"), default)).Reason);

        var cut = Render<ReviewsPage>();
        cut.WaitForAssertion(() =>
        {
            var footer = Card(cut, "Jo Park").QuerySelector("[data-testid=reply-footer]")!.TextContent;
            Assert.Contains("approved by Mia Chen", footer, StringComparison.Ordinal);
            Assert.DoesNotContain("@", footer, StringComparison.Ordinal);
        });
    }
}
