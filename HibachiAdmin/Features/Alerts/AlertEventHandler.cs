using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Calls.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Features.Reviews.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;

namespace HibachiAdmin.Features.Alerts;

/// <summary>
/// New leads, missed calls and 1–2★ reviews become alerts, from the outbox events those features publish in their own
/// unit of work: an alert exists only for a change that committed, and it commits with this handler's processed mark
/// (one alert per event; a duplicate event for the same lead, call or review is caught by the source key).
/// </summary>
public sealed class AlertEventHandler(AlertWriter writer, IContactService contacts) : IEventHandler
{
    public const int LowReviewAtOrBelow = 2;

    public string Name => "alerts.events";

    public bool Handles(string eventType) => eventType is LeadEvents.Created or CallEvents.Missed or ReviewEvents.Received;

    public async Task HandleAsync(OutboxEntry entry, AppDbContext db, CancellationToken ct)
    {
        var source = entry.EventType switch
        {
            LeadEvents.Created => await LeadAsync(JsonSerializer.Deserialize<LeadCreated>(entry.Data, EventStore.Json)!, entry.CreatedAt, ct),
            CallEvents.Missed => await CallAsync(JsonSerializer.Deserialize<CallMissed>(entry.Data, EventStore.Json)!, entry.CreatedAt, ct),
            _ => Review(JsonSerializer.Deserialize<ReviewReceived>(entry.Data, EventStore.Json)!, entry.CreatedAt),
        };
        if (source is not null)
        {
            await writer.AddAsync(db, [source], ct);
        }
    }

    private async Task<AlertSource> LeadAsync(LeadCreated e, DateTime at, CancellationToken ct)
    {
        var who = await NameAsync(e.ContactId, ct);
        return new AlertSource(AlertKind.NewLead, $"lead:{e.LeadId}", $"New lead: {who}", $"From {e.Source.LabelInSentence()}", $"leads?lead={e.LeadId}", at, e.CreatedBy);
    }

    private async Task<AlertSource> CallAsync(CallMissed e, DateTime at, CancellationToken ct)
    {
        var who = await NameAsync(e.ContactId, ct);
        return new AlertSource(AlertKind.MissedCall, $"call:{e.CallId}", $"Missed call: {who}", "Call them back from the call log.", $"contacts/{e.ContactId}", at);
    }

    private static AlertSource? Review(ReviewReceived e, DateTime at)
    {
        if (e.Rating is < 1 or > LowReviewAtOrBelow)
        {
            return null;
        }
        var stars = e.Rating == 1 ? "1 star" : $"{e.Rating} stars";
        var text = string.IsNullOrWhiteSpace(e.Text) ? "No text." : e.Text.Trim();
        return new AlertSource(AlertKind.LowReview, $"review:{e.ReviewId}", $"{stars} on {e.Platform} from {e.ReviewerName}", text, "reviews", at);
    }

    /// <summary>The contact's name, or their number as people write it.</summary>
    private async Task<string> NameAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await contacts.GetSummaryAsync(contactId, ct);
        if (contact is null)
        {
            return "a new contact";
        }
        return !string.IsNullOrWhiteSpace(contact.Name) && !contact.Name.StartsWith('+') ? contact.Name : contact.Phone is { } phone ? PhoneText.Display(phone) : "a new contact";
    }
}
