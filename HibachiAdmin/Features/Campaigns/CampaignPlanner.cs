using HibachiAdmin.Features.Bookings.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Campaigns;

/// <summary>
/// Plans a campaign: the audience from Contacts, marketing texts already sent from Messaging, and a
/// <see cref="CampaignRules"/> decision per recipient judged at the send time. The estimate is the sum
/// of each eligible recipient's own segments (merge fields change lengths) × <c>Sms:CostPerSegment</c>.
/// </summary>
public sealed class CampaignPlanner(IContactService contacts, ISmsBatches sms, IBookingService bookings, CampaignHistory history, Phones phones,
    ITextingRulesSource texting, Inbox.Contracts.IInboxService inbox, IOptions<SmsOptions> options, IOptions<BusinessOptions> business, Common.Formats formats, TimeProvider time)
{
    /// <summary>Rendering and caps only (texting hours as shipped); a decision uses <see cref="RulesAsync"/>.</summary>
    public CampaignRules Rules => new(options.Value.FrequencyCapHours, business.Value.Name, business.Value.TimeZone);

    /// <summary>The rules with the texting hours in force (policy and the Admins' tightenings).</summary>
    public async Task<CampaignRules> RulesAsync(CancellationToken ct) =>
        new(options.Value.FrequencyCapHours, business.Value.Name, business.Value.TimeZone, await texting.CurrentAsync(ct));

    /// <summary>The states of these people's upcoming parties (from the business's today on).</summary>
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> PartyStatesAsync(IReadOnlyCollection<Guid> contactIds, DateTime atUtc, CancellationToken ct) =>
        bookings.UpcomingPartyStatesAsync(contactIds, DateOnly.FromDateTime(formats.Local(atUtc)), ct);

    public async Task<CampaignPlan> PlanAsync(string message, Audience audience, DateTime? sendAtUtc, CancellationToken ct)
    {
        var at = sendAtUtc ?? time.GetUtcNow().UtcDateTime;
        var rules = await RulesAsync(ct);
        // An unchosen audience reaches nobody (the Contacts query reads "no tags, no ids" as everyone).
        var people = audience.IsChosen ? await contacts.GetAudienceAsync(audience.IncludeTags, audience.ExcludeTags, audience.ContactIds, ct) : [];
        var parties = people.Count == 0 ? new Dictionary<Guid, IReadOnlyList<string>>() : await PartyStatesAsync([.. people.Select(p => p.Id)], at, ct);
        var sentTo = await sms.MarketingSentSinceAsync(at.AddHours(-Math.Max(24, options.Value.FrequencyCapHours)), ct);
        var bookedSoon = audience.SkipBookedWithinDays is { } days
            ? await bookings.ContactsWithEventsAsync(DateOnly.FromDateTime(formats.Local(at)), DateOnly.FromDateTime(formats.Local(at)).AddDays(days), ct)
            : new HashSet<Guid>();
        var textedRecently = audience.SkipTextedWithinDays is { } recent
            ? await history.TextedSinceAsync(at.AddDays(-recent), ct)
            : new HashSet<Guid>();
        // Busy people: someone who wrote or was written to in the last 24 hours is left out unless the sender includes them.
        var inConversation = audience.IncludeInConversation || people.Count == 0
            ? new HashSet<Guid>()
            : await inbox.ContactsInConversationSinceAsync([.. people.Select(p => p.Id)], at - HoldReasons.ConversationWindow, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var decisions = new List<RecipientDecision>(people.Count);
        foreach (var c in people)
        {
            var e164 = c.Phone;
            var duplicate = e164 is not null && !seen.Add(e164);
            var sent = e164 is not null && sentTo.TryGetValue(e164, out var list) ? list : (IReadOnlyCollection<DateTime>)[];
            var decision = rules.Decide(new CampaignRecipient(c.Id, c.Name, c.Phone, c.SmsConsent, c.State, c.TimeZones, c.NumberInvalid, parties.GetValueOrDefault(c.Id)), message, at, sent, duplicate, phones);
            // The marketer's own exclusions come after the law's reasons (an opted-out person stays "optedOut").
            if (decision.Eligible || HoldReasons.IsDelay(decision.Reason))
            {
                var excluded = bookedSoon.Contains(c.Id) ? HoldReasons.BookedSoon : textedRecently.Contains(c.Id) ? HoldReasons.TextedRecently
                    : inConversation.Contains(c.Id) ? HoldReasons.InConversation : null;
                if (excluded is not null)
                {
                    decision = decision with { Eligible = false, Reason = excluded, EarliestSendAt = null, Explanation = null, Rule = null };
                }
            }
            decisions.Add(decision);
        }
        var sample = SmsSegments.Count(rules.Render(message, null));
        var eligible = decisions.Where(d => d.Eligible).ToList();
        var held = decisions.Where(d => !d.Eligible).GroupBy(d => d.Reason!).ToDictionary(g => g.Key, g => g.Count());
        var cost = eligible.Sum(d => d.Segments.Segments) * options.Value.CostPerSegment;
        return new CampaignPlan(new CampaignEstimate(sample.EncodingName, sample.Characters, sample.Segments, decisions.Count, eligible.Count, held, cost), decisions);
    }
}
