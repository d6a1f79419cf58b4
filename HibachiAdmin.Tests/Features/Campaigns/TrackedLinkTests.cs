using System.Net;
using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Campaigns;

/// <summary>
/// Links of our own (issue 26.4): each recipient's links become <c>{base}/l/{code}</c>; a person's click redirects and is
/// counted for them and the campaign, previews and HEAD are answered and never counted, the click reaches a lead, its
/// booking and its money, and never consent. One host for the class; each test reads back only its own campaign.
/// </summary>
public sealed partial class TrackedLinkTests(LinksTestApp app) : IClassFixture<LinksTestApp>
{
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    [GeneratedRegex(@"https://hibachi\.example/l/([0-9A-Za-z]{8})")]
    private static partial Regex OurLink();

    [Fact]
    public void Links_are_found_in_order_with_trailing_punctuation_left_out_and_www_made_absolute()
    {
        Assert.Equal(["https://menu.example/hibachi?utm_source=sms", "https://www.book.example/dates"], CampaignLinks.Destinations(LinksTestApp.Message));
        Assert.Equal("See https://x.example/l/-------- (now) or https://x.example/l/--------!",
            CampaignLinks.Prepare("See http://a.example/menu (now) or https://b.example/p?q=1!", "https://x.example/"));
        Assert.Equal("No links here.", CampaignLinks.Prepare("No links here.", "https://x.example"));
        Assert.Equal("Menu http://a.example", CampaignLinks.Prepare("Menu http://a.example", null));
        Assert.Equal("a /l/AAAAAAAA b /l/BBBBBBBB c /l/--------", CampaignLinks.Personalise("a /l/-------- b /l/-------- c /l/--------", ["AAAAAAAA", "BBBBBBBB"]));
        Assert.True(CampaignLinks.HasPlaceholder("x /l/-------- y"));
        Assert.False(CampaignLinks.HasPlaceholder("x /l/AAAAAAAA y"));
    }

    [Fact]
    public void Codes_are_eight_random_letters_and_digits_and_nothing_else_is_a_code()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => CampaignLinks.NewCode()).ToList();
        Assert.All(codes, c => Assert.True(CampaignLinks.IsCode(c), c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Every character of the alphabet turns up: not a narrower, guessable set.
        Assert.Equal(CampaignLinks.Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
        foreach (var bad in new[] { "", "abc", "abcdefghi", "abcdefg-", "abcdefg/", "abcdéfgh", CampaignLinks.Placeholder, null })
        {
            Assert.False(CampaignLinks.IsCode(bad), bad);
        }
    }

    [Fact]
    public async Task Each_recipient_gets_their_own_codes_on_our_host_and_the_estimate_counts_the_final_text()
    {
        var (campaignId, people) = await app.SentAsync(2);
        var links = await app.LinksAsync(campaignId);
        Assert.Equal(4, links.Count);
        Assert.Equal(4, links.Select(l => l.Code).Distinct().Count());
        foreach (var person in people)
        {
            var text = await app.TextOfAsync(campaignId, person);
            var mine = links.Where(l => l.ContactId == person).OrderBy(l => l.Position).ToList();
            Assert.Equal(mine.Select(l => l.Code), OurLink().Matches(text).Select(m => m.Groups[1].Value));
            Assert.Equal(["https://menu.example/hibachi?utm_source=sms", "https://www.book.example/dates"], mine.Select(l => l.Destination));
            Assert.DoesNotContain("menu.example", text, StringComparison.Ordinal);
            // What the provider got is that text, once.
            Assert.Single(app.Campaigns.Provider.Sent, s => s.Text == text);
        }
        // The estimate (before any code exists) counts exactly the segments of the text that went out.
        var sent = await app.TextOfAsync(campaignId, people[0]);
        var campaign = (await app.Get<CampaignService>().FindAsync(campaignId, default))!;
        var plan = await app.Get<CampaignPlanner>().PlanAsync(CampaignLinks.Prepare(campaign.Message, campaign.LinkBase), campaign.Audience, null, default);
        var decision = plan.Decisions.Single(d => d.ContactId == people[0]);
        Assert.Equal(sent.Length, decision.Text.Length);
        Assert.Equal(SmsSegments.Count(sent).Segments, decision.Segments.Segments);
    }

    [Fact]
    public async Task The_estimate_endpoint_counts_links_at_their_final_length()
    {
        var tag = $"e{Guid.NewGuid():N}"[..12];
        await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Ed Long", TestPhones.Next("212").E164, Tags: [tag], SmsConsent: SmsConsent.OptedIn));
        // 120 characters of text and one long link: as written it needs 2 segments; as our 33-character link it fits in one.
        var message = new string('a', 100) + " https://menu.example/" + new string('p', 60);
        var planner = app.Get<CampaignPlanner>();
        var prepared = CampaignLinks.Prepare(message, LinksTestApp.BaseUrl);
        var plan = await planner.PlanAsync(prepared, new Audience([tag], [], []), null, default);
        var text = Assert.Single(plan.Decisions).Text;
        Assert.Contains(LinksTestApp.BaseUrl + "/l/" + CampaignLinks.Placeholder, text, StringComparison.Ordinal);
        Assert.Equal(SmsSegments.Count(text.Replace(CampaignLinks.Placeholder, "AbCdEf12", StringComparison.Ordinal)).Segments, plan.Estimate.Segments);
        Assert.NotEqual(SmsSegments.Count(planner.Rules.Render(message, null)).Segments, plan.Estimate.Segments);
    }

    [Fact]
    public async Task A_persons_click_is_a_302_to_the_destination_and_one_click_for_them_and_the_campaign()
    {
        var (campaignId, people) = await app.SentAsync(1);
        var link = (await app.LinksAsync(campaignId)).First(l => l.Position == 1);
        var request = new HttpRequestMessage(HttpMethod.Get, $"/l/{link.Code}");
        request.Headers.UserAgent.ParseAdd(IPhone);
        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://menu.example/hibachi?utm_source=sms", response.Headers.Location!.OriginalString);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var click = Assert.Single(await app.ClicksAsync(campaignId));
        Assert.Equal((link.Id, people[0], campaignId, IPhone), (click.LinkId, click.ContactId, click.CampaignId, click.UserAgent));
        Assert.Null(click.AttributedAt);
    }

    /// <summary>The fetchers that open a link to draw its preview: iMessage, WhatsApp, Slack, Facebook/Meta, X, Telegram, Discord, LinkedIn, Skype/Teams, Google Messages.</summary>
    public static TheoryData<string> PreviewFetchers =>
    [
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0",
        "WhatsApp/2.23.20.0 A",
        "WhatsApp/2.2413.51 i",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Slack-ImgProxy (+https://api.slack.com/robots)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
        "Twitterbot/1.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com",
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 GoogleMessages",
    ];

    [Theory]
    [MemberData(nameof(PreviewFetchers))]
    public async Task A_link_preview_is_answered_with_the_redirect_and_never_counted(string userAgent)
    {
        Assert.True(LinkPreviewAgents.IsLinkPreview(userAgent));
        Assert.False(LinkRedirectHandler.IsCounted("GET", userAgent));
        var (campaignId, _) = await app.SentAsync(1);
        var link = (await app.LinksAsync(campaignId)).First();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/l/{link.Code}");
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(link.Destination, response.Headers.Location!.OriginalString);
        Assert.Empty(await app.ClicksAsync(campaignId));
    }

    [Fact]
    public async Task A_HEAD_request_is_answered_with_the_redirect_and_never_counted_even_from_a_phone()
    {
        Assert.False(LinkRedirectHandler.IsCounted("HEAD", IPhone));
        Assert.True(LinkRedirectHandler.IsCounted("GET", IPhone));
        Assert.True(LinkRedirectHandler.IsCounted("GET", null));
        var (campaignId, _) = await app.SentAsync(1);
        var link = (await app.LinksAsync(campaignId)).First();
        var request = new HttpRequestMessage(HttpMethod.Head, $"/l/{link.Code}");
        request.Headers.UserAgent.ParseAdd(IPhone);
        var response = await app.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(link.Destination, response.Headers.Location!.OriginalString);
        Assert.Empty(await app.ClicksAsync(campaignId));
    }

    [Theory]
    [InlineData("/l/zzzzzzzz")]
    [InlineData("/l/abc")]
    [InlineData("/l/abcdefghijklmnopqrstuvwxyz")]
    [InlineData("/l/--------")]
    [InlineData("/l/%20%20%20%20%20%20%20%20")]
    [InlineData("/l/%E2%80%AEabcdefg")]
    public async Task An_unknown_or_malformed_code_is_a_404_page_never_a_5xx(string path)
    {
        var response = await app.Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_click_reaches_a_lead_its_booking_and_its_money_and_the_customer_view()
    {
        var (campaignId, people) = await app.SentAsync(2);
        var links = await app.LinksAsync(campaignId);
        var clicker = people[0];
        foreach (var code in new[] { links.First(l => l.ContactId == clicker && l.Position == 1).Code, links.First(l => l.ContactId == clicker && l.Position == 2).Code })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/l/{code}");
            request.Headers.UserAgent.ParseAdd(IPhone);
            Assert.Equal(HttpStatusCode.Found, (await app.Client().SendAsync(request)).StatusCode);
        }
        await app.AttributeAsync();
        // A second run (a retry, the minutely sweep) changes nothing.
        await app.AttributeAsync();

        var clicks = await app.ClicksAsync(campaignId);
        Assert.Equal(2, clicks.Count);
        var leadId = Assert.Single(clicks.Select(c => c.LeadId).Distinct())!.Value;
        var lead = (await app.Get<ILeadService>().GetDtoAsync(leadId, default))!;
        Assert.Equal((clicker, LeadSource.Campaign, campaignId), (lead.ContactId, lead.Source, lead.CampaignId));
        Assert.Single((await app.Get<ILeadService>().ListAsync(new LeadListQuery(ContactId: clicker, PageSize: 10), default)).Items);

        var booking = await app.Get<BookingService>().RequestAsync(new BookingRequested(clicker, leadId, new DateOnly(2026, 12, 19), new TimeOnly(18, 0), 20, 60m, null, null, null, null), Actor.System, default);
        Assert.True(booking.Booking is not null, booking.ToString());

        var funnel = await app.Get<CampaignService>().LinkFunnelAsync(campaignId, default);
        Assert.Equal((2, 1, 1, 1, 1200m), (funnel.Clicks, funnel.People, funnel.Leads, funnel.Bookings, funnel.Revenue));
        Assert.Equal([(1, 1, 1), (2, 1, 1)], funnel.Links.Select(l => (l.Position, l.Clicks, l.People)));

        var seen = await app.Get<HibachiAdmin.Features.Campaigns.Contracts.ICampaignLinks>().ClicksForContactAsync(clicker, 10, default);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal(("Links", leadId), (s.CampaignName, s.LeadId!.Value)));
        Assert.Empty(await app.Get<HibachiAdmin.Features.Campaigns.Contracts.ICampaignLinks>().ClicksForContactAsync(people[1], 10, default));
    }

    [Fact]
    public async Task A_click_never_changes_consent_not_even_after_a_stop()
    {
        var (campaignId, people) = await app.SentAsync(2);
        var stopped = people[1];
        // The second person texts STOP after the campaign; the first stays opted in. Both then tap their link.
        await PersonConsent.SetAsync(app.Services, stopped, SmsConsent.OptedOut);
        var before = await LedgerAsync(people);
        foreach (var link in (await app.LinksAsync(campaignId)).Where(l => l.Position == 1))
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/l/{link.Code}");
            request.Headers.UserAgent.ParseAdd(IPhone);
            Assert.Equal(HttpStatusCode.Found, (await app.Client().SendAsync(request)).StatusCode);
        }
        await app.AttributeAsync();

        Assert.Equal(2, (await app.ClicksAsync(campaignId)).Count(c => c.LeadId is not null));
        Assert.Equal(before, await LedgerAsync(people));
        var contacts = app.Get<IContactService>();
        Assert.Equal(SmsConsent.OptedIn, (await contacts.GetSummaryAsync(people[0], default))!.SmsConsent);
        Assert.Equal(SmsConsent.OptedOut, (await contacts.GetSummaryAsync(stopped, default))!.SmsConsent);
    }

    private async Task<int> LedgerAsync(IReadOnlyList<Guid> people)
    {
        await using var db = await app.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ConsentLedgerEntry>().CountAsync(e => people.Contains(e.ContactId));
    }

    [Fact]
    public async Task A_campaign_from_before_tracked_links_sends_its_links_as_written()
    {
        var tag = $"o{Guid.NewGuid():N}"[..12];
        var created = await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Olga Old", TestPhones.Next("212").E164, Tags: [tag], SmsConsent: SmsConsent.OptedIn));
        var campaign = await app.Get<CampaignService>().CreateAsync(new NewCampaign("Old", "Menu: https://menu.example/x", new Audience([tag], [], []), null), Actor.System, default);
        await app.Campaigns.SendAsync(campaign.Id);
        Assert.Contains("https://menu.example/x", await app.TextOfAsync(campaign.Id, created.Contact!.Id), StringComparison.Ordinal);
        Assert.Empty(await app.LinksAsync(campaign.Id));
    }
}
