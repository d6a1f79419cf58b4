using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Messaging;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Features.Campaigns;

/// <param name="SkipBookedWithinDays">Skip contacts with a party (not cancelled) from today through this many days ahead (business time zone).</param>
/// <param name="SkipTextedWithinDays">Skip contacts a campaign texted in this many days before the send.</param>
/// <param name="Everyone">The marketer chose everyone who may be texted (less <paramref name="ExcludeTags"/>). Nothing else
/// means everyone: an audience with no tags, no contacts and no explicit <c>Everyone</c> reaches nobody.</param>
public sealed record Audience(IReadOnlyList<string> IncludeTags, IReadOnlyList<string> ExcludeTags, IReadOnlyList<Guid> ContactIds,
    int? SkipBookedWithinDays = null, int? SkipTextedWithinDays = null, bool Everyone = false)
{
    /// <summary>Everyone who may be texted: an explicit choice.</summary>
    public static readonly Audience All = new([], [], [], Everyone: true);

    /// <summary>Someone was chosen: tags, contacts, or everyone (exclusions alone choose nobody).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsChosen => Everyone || IncludeTags.Count > 0 || ContactIds.Count > 0;
}

/// <summary>What a marketer sees before sending (the estimate request's answer).</summary>
/// <param name="Encoding">Of the template rendered with fallbacks: GSM-7 or UCS-2.</param>
public sealed record CampaignEstimate(string Encoding, int Characters, int Segments, int Recipients, int Eligible, IReadOnlyDictionary<string, int> Held, decimal EstimatedCost);

public sealed record CampaignPlan(CampaignEstimate Estimate, IReadOnlyList<RecipientDecision> Decisions);

/// <summary>
/// Plans a campaign: the audience from Contacts, marketing texts already sent from Messaging, and a
/// <see cref="CampaignRules"/> decision per recipient judged at the send time. The estimate is the sum
/// of each eligible recipient's own segments (merge fields change lengths) × <c>Sms:CostPerSegment</c>.
/// </summary>
public sealed class CampaignPlanner(ContactService contacts, SmsService sms, Bookings.BookingService bookings, CampaignHistory history, Phones phones,
    IOptions<SmsOptions> options, IOptions<BusinessOptions> business, Common.Formats formats, TimeProvider time)
{
    public CampaignRules Rules => new(options.Value.FrequencyCapHours, business.Value.Name, business.Value.TimeZone);

    public async Task<CampaignPlan> PlanAsync(string message, Audience audience, DateTime? sendAtUtc, CancellationToken ct)
    {
        var at = sendAtUtc ?? time.GetUtcNow().UtcDateTime;
        var rules = Rules;
        // An unchosen audience reaches nobody (the Contacts query reads "no tags, no ids" as everyone).
        var people = audience.IsChosen ? await contacts.GetAudienceAsync(audience.IncludeTags, audience.ExcludeTags, audience.ContactIds, ct) : [];
        var sentTo = await sms.MarketingSentSinceAsync(at.AddHours(-Math.Max(24, options.Value.FrequencyCapHours)), ct);
        var bookedSoon = audience.SkipBookedWithinDays is { } days
            ? await bookings.ContactsWithEventsAsync(DateOnly.FromDateTime(formats.Local(at)), DateOnly.FromDateTime(formats.Local(at)).AddDays(days), ct)
            : new HashSet<Guid>();
        var textedRecently = audience.SkipTextedWithinDays is { } recent
            ? await history.TextedSinceAsync(at.AddDays(-recent), ct)
            : new HashSet<Guid>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var decisions = new List<RecipientDecision>(people.Count);
        foreach (var c in people)
        {
            var e164 = c.Phone;
            var duplicate = e164 is not null && !seen.Add(e164);
            var sent = e164 is not null && sentTo.TryGetValue(e164, out var list) ? list : (IReadOnlyCollection<DateTime>)[];
            var decision = rules.Decide(new CampaignRecipient(c.Id, c.Name, c.Phone, c.SmsConsent, c.State, c.TimeZones, c.NumberInvalid), message, at, sent, duplicate, phones);
            // The marketer's own exclusions come after the law's reasons (an opted-out person stays "optedOut").
            if (decision.Eligible || HoldReasons.IsDelay(decision.Reason))
            {
                var excluded = bookedSoon.Contains(c.Id) ? HoldReasons.BookedSoon : textedRecently.Contains(c.Id) ? HoldReasons.TextedRecently : null;
                if (excluded is not null)
                {
                    decision = decision with { Eligible = false, Reason = excluded, EarliestSendAt = null };
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
