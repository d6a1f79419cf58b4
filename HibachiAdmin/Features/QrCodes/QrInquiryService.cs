using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>
/// The QR inquiry form: validates, finds or makes the contact by phone, creates (or fills) the open lead
/// with source QrCode linked to the code, and records which codes the lead is attributed to (this one,
/// and any code the same visitor cookie scanned before). Ticking the SMS box never opts anyone in: anyone
/// can type any number, so it asks the number's owner to confirm with YES (double opt-in), keeping the
/// form, page, time, network and the exact wording shown as evidence; an earlier STOP is never undone.
/// </summary>
public sealed partial class QrInquiryService(
    IDbContextFactory<AppDbContext> dbFactory, QrCodeService codes, IContactService contacts, IOptInRequests optIns, ILeadService leads, Phones phones, Formats formats,
    IConfiguration configuration, TimeProvider time)
{
    public const string ConsentSource = "qr-inquiry-form";

    public string ConsentText =>
        $"Yes, text me about my event. I agree to receive marketing text messages from {configuration["Business:Name"] ?? "us"} at this number. " +
        "Consent is not a condition of purchase. Message frequency varies, up to 4 messages a month. Msg & data rates may apply. Reply STOP to opt out, HELP for help.";

    public async Task<(QrCode? Code, InquiryOutcome Status)> FindCodeAsync(string? slug, CancellationToken ct)
    {
        var key = QrSlugs.Normalize(slug);
        var target = key is null ? null : await codes.FindTargetAsync(key, ct);
        if (target is null)
        {
            return (null, InquiryOutcome.NotFound);
        }
        if (target.AvailabilityAt(time.GetUtcNow().UtcDateTime) != QrAvailability.Live)
        {
            return (null, InquiryOutcome.Gone);
        }
        return (await codes.GetAsync(target.Id, ct), InquiryOutcome.Accepted);
    }

    public Dictionary<string, string[]> Validate(InquiryForm form)
    {
        var errors = new Dictionary<string, string[]>();
        var name = PersonNames.Clean(form.Name);
        if (name.Length == 0)
        {
            errors[nameof(InquiryForm.Name)] = ["Please tell us your name."];
        }
        else if (name.Length > InquiryForm.MaxName)
        {
            errors[nameof(InquiryForm.Name)] = [$"Please use at most {InquiryForm.MaxName} characters."];
        }
        if (string.IsNullOrWhiteSpace(form.Phone))
        {
            errors[nameof(InquiryForm.Phone)] = ["Please give a phone number we can reach you at."];
        }
        else if (form.Phone.Length > 30 || phones.Parse(form.Phone) is null)
        {
            errors[nameof(InquiryForm.Phone)] = ["That does not look like a US phone number, e.g. (305) 555-0123."];
        }
        var today = formats.Today;
        if (form.EventDate is { } date && (date < today || date > today.AddYears(2)))
        {
            errors[nameof(InquiryForm.EventDate)] = ["Please pick a date from today up to two years ahead."];
        }
        if (form.Guests is null)
        {
            errors[nameof(InquiryForm.Guests)] = ["Please tell us how many guests you expect."];
        }
        else if (form.Guests is < 1 or > ILeadService.MaxGuests)
        {
            errors[nameof(InquiryForm.Guests)] = [$"Please enter 1 to {ILeadService.MaxGuests} guests."];
        }
        if (!string.IsNullOrWhiteSpace(form.Zip) && !ZipPattern().IsMatch(form.Zip.Trim()))
        {
            errors[nameof(InquiryForm.Zip)] = ["Please enter a 5-digit ZIP code."];
        }
        if (form.Message is { Length: > InquiryForm.MaxMessage })
        {
            errors[nameof(InquiryForm.Message)] = [$"Please keep the message under {InquiryForm.MaxMessage} characters."];
        }
        return errors;
    }

    public async Task<InquiryResult> SubmitAsync(string? slug, InquiryForm form, Guid? visitorId, string? anonymizedIp, CancellationToken ct)
    {
        var (code, status) = await FindCodeAsync(slug, ct);
        if (code is null)
        {
            return new InquiryResult(status);
        }
        if (!string.IsNullOrEmpty(form.Website))
        {
            return new InquiryResult(InquiryOutcome.Discarded);
        }
        var errors = Validate(form);
        if (errors.Count > 0)
        {
            return new InquiryResult(InquiryOutcome.Invalid, Errors: errors);
        }
        var now = time.GetUtcNow().UtcDateTime;
        var actor = new Actor(ConsentSource);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tx = new CrossFeatureTransaction(db);
        var contact = (await contacts.FindOrCreateByPhoneAsync(tx, form.Phone!, form.Name!.Trim(), ct))!.Value.Contact;
        var notes = $"QR inquiry ({code.Name})" + (string.IsNullOrWhiteSpace(form.Message) ? "" : $": {form.Message.Trim()}");
        var (leadId, _) = await leads.CreateOrUpdateOpenLeadAsync(tx,
            new NewLead(contact.Id, LeadSource.QrCode, form.EventDate, form.Guests, string.IsNullOrWhiteSpace(form.Zip) ? null : form.Zip.Trim()[..5], Notes: notes, QrCodeId: code.Id),
            actor, ct);
        var earlier = visitorId is { } visitor
            ? await db.Set<QrScan>().AsNoTracking().Where(s => s.VisitorId == visitor && s.QrCodeId != code.Id && s.At <= now).Select(s => s.QrCodeId).Distinct().ToListAsync(ct)
            : [];
        var linked = await db.Set<QrLeadLink>().AsNoTracking().Where(l => l.LeadId == leadId).Select(l => l.QrCodeId).ToListAsync(ct);
        foreach (var (qrCodeId, via) in earlier.Select(id => (id, "visitor")).Prepend((code.Id, "form")))
        {
            if (!linked.Contains(qrCodeId))
            {
                linked.Add(qrCodeId);
                db.Add(new QrLeadLink { QrCodeId = qrCodeId, LeadId = leadId, ContactId = contact.Id, Via = via, At = now });
            }
        }
        if (form.SmsConsent)
        {
            var evidence = $"Ticked on the inquiry form /inquiry/{code.Slug} (QR code {code.Name}) at {now:yyyy-MM-dd'T'HH:mm:ss'Z'} from network {anonymizedIp ?? "unknown"}, name given \"{form.Name!.Trim()}\". Text shown: \"{ConsentText}\"";
            // In the lead's unit of work: the ask and the inquiry are stored together or not at all.
            await optIns.AskAsync(tx, contact.Id, new OptInAsk(ConsentSource, evidence), actor, ct);
        }
        await db.SaveChangesAsync(ct);
        return new InquiryResult(InquiryOutcome.Accepted, leadId);
    }

    [GeneratedRegex(@"^\d{5}(-\d{4})?$")]
    private static partial Regex ZipPattern();
}
