using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>
/// CSV import as a marketer uses it: every consent word lands on the right consent with its source
/// and evidence in the ledger, bad emails/states/names/tags are rejected row by row with a reason,
/// existing numbers update instead of duplicating, and a preview writes nothing.
/// </summary>
public sealed class ContactImportTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private static readonly Actor Marketer = new("marketer@test.local");

    private ContactImport Import => app.Services.GetRequiredService<ContactImport>();

    private Task<Contact?> ContactAsync(string e164) => app.ContactByPhoneAsync(e164);

    private async Task<List<ConsentLedgerEntry>> LedgerAsync(Guid contactId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Set<ConsentLedgerEntry>().AsNoTracking().Where(e => e.ContactId == contactId).OrderBy(e => e.Id).ToListAsync();
    }

    private Task<ImportSummary> CommitAsync(string csv) => Import.CommitAsync(new StringReader(csv), Marketer, default);

    public static TheoryData<string, SmsConsent> ConsentWords() => new()
    {
        // A list can only ask: every opt-in word leaves the person waiting to confirm with YES.
        { "optedIn", SmsConsent.PendingConfirmation }, { "Opted In", SmsConsent.PendingConfirmation }, { "opted_in", SmsConsent.PendingConfirmation },
        { "opt-in", SmsConsent.PendingConfirmation }, { "optin", SmsConsent.PendingConfirmation }, { "YES", SmsConsent.PendingConfirmation },
        { "true", SmsConsent.PendingConfirmation }, { "pendingConfirmation", SmsConsent.PendingConfirmation }, { "pending", SmsConsent.PendingConfirmation },
        { "optedOut", SmsConsent.OptedOut }, { "Opted-Out", SmsConsent.OptedOut }, { "opted out", SmsConsent.OptedOut }, { "optout", SmsConsent.OptedOut },
        { "no", SmsConsent.OptedOut }, { "FALSE", SmsConsent.OptedOut },
    };

    [Theory]
    [MemberData(nameof(ConsentWords))]
    public async Task Every_consent_word_is_recorded_with_its_source_and_evidence(string word, SmsConsent expected)
    {
        var (typed, e164) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone,smsConsent,consentSource,consentEvidence\nConsent Person,\"{typed}\",{word}, paper-form , signed at the fair \n");
        Assert.Equal((1, 0, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(expected, contact.SmsConsent);
        Assert.Equal("paper-form", contact.SmsConsentSource);
        Assert.Equal(TestClock.Start.UtcDateTime, contact.SmsConsentChangedAt);
        var entry = Assert.Single(await LedgerAsync(contact.Id));
        Assert.Equal((SmsConsent.None, expected, "paper-form", "CSV import, row 1: signed at the fair", "marketer@test.local", TestClock.Start.UtcDateTime),
            (entry.From, entry.To, entry.Source, entry.Evidence, entry.ChangedBy, entry.At));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("")]
    public async Task None_or_an_empty_consent_changes_nothing_and_needs_no_source(string word)
    {
        var (typed, e164) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone,smsConsent,consentSource\nNo Consent,\"{typed}\",{word},\n");
        Assert.Equal((1, 0), (summary.Created, summary.RejectedCount));
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(SmsConsent.None, contact.SmsConsent);
        Assert.Empty(await LedgerAsync(contact.Id));
    }

    [Fact]
    public async Task Consent_without_a_source_or_an_unknown_word_is_rejected_and_evidence_defaults_to_the_row()
    {
        var (a, _) = TestPhones.Next();
        var (b, _) = TestPhones.Next();
        var (c, cE164) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone,consent,consent_source\nA,\"{a}\",optedIn,\nB,\"{b}\",maybe,web\nC,\"{c}\",optedOut,web\n");
        Assert.Equal(
            [
                new ImportRejection(1, "smsConsent is set but consentSource is empty: consent is only recorded with its source."),
                new ImportRejection(2, "smsConsent 'maybe' must be none, optedIn or optedOut."),
            ],
            summary.Rejected);
        var entry = Assert.Single(await LedgerAsync((await ContactAsync(cE164))!.Id));
        Assert.Equal("CSV import, row 3", entry.Evidence);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ana@")]
    [InlineData("@example.com")]
    [InlineData("ana@@example.com")]
    public async Task An_invalid_email_rejects_the_row(string email)
    {
        var (typed, e164) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone,email\nAna,\"{typed}\",{email}\n");
        Assert.Equal(new ImportRejection(1, $"'{email}' is not a valid email address."), Assert.Single(summary.Rejected));
        Assert.Equal(0, summary.Created);
        Assert.Null(await ContactAsync(e164));
    }

    [Fact]
    public async Task Fields_are_trimmed_states_upper_cased_and_rows_numbered_without_the_header()
    {
        var (typed, e164) = TestPhones.Next();
        var (bad, _) = TestPhones.Next();
        var summary = await CommitAsync($"Name,Phone,Email,State,ZIP,Tags\n  Ana Lopez  ,\"{typed}\",  ana@example.com , ny , 10001 ,vip| wedding ;vip\nBad,\"{bad}\",,ZZ,,\n");
        Assert.Equal(new ImportRejection(2, "'ZZ' is not a US two-letter state code."), Assert.Single(summary.Rejected));
        var row = summary.Rows[0];
        Assert.Equal((1, ImportRowOutcome.Create, "Ana Lopez", e164), (row.Row, row.Outcome, row.Name, row.Phone));
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(("Ana Lopez", "ana@example.com", "NY", "10001"), (contact.Name, contact.Email, contact.State, contact.Zip));
        Assert.Equal(new[] { "vip", "wedding" }, contact.Tags.Select(t => t.Tag).Order());
        Assert.Equal(TestClock.Start.UtcDateTime, contact.CreatedAt);
    }

    [Fact]
    public async Task Names_are_required_for_new_contacts_and_at_most_200_characters()
    {
        var (a, aE164) = TestPhones.Next();
        var (b, bE164) = TestPhones.Next();
        var (c, _) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone\n,\"{a}\"\n{new string('n', 200)},\"{b}\"\n{new string('n', 201)},\"{c}\"\n");
        Assert.Equal(
            [new ImportRejection(1, "Name is required for a new contact."), new ImportRejection(3, "Name is at most 200 characters.")],
            summary.Rejected);
        Assert.Null(await ContactAsync(aE164));
        Assert.Equal(200, (await ContactAsync(bE164))!.Name.Length);
    }

    [Fact]
    public async Task An_existing_number_is_updated_keeping_what_the_row_leaves_empty_and_merging_tags()
    {
        var (typed, e164) = TestPhones.Next();
        await CommitAsync($"name,phone,email,tags,state,zip\nFirst Name,\"{typed}\",first@example.com,vip,NY,10001\n");
        var summary = await CommitAsync($"name,phone,email,tags,state,zip\n,{e164},,vip;repeat,,\n");
        Assert.Equal((0, 1, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        Assert.Equal(ImportRowOutcome.Update, summary.Rows[0].Outcome);
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(("First Name", "first@example.com", "NY", "10001"), (contact.Name, contact.Email, contact.State, contact.Zip));
        Assert.Equal(new[] { "repeat", "vip" }, contact.Tags.Select(t => t.Tag).Order());
    }

    [Fact]
    public async Task Too_many_or_too_long_tags_reject_the_row()
    {
        var (a, _) = TestPhones.Next();
        var (b, _) = TestPhones.Next();
        var (c, cE164) = TestPhones.Next();
        var tooMany = string.Join(';', Enumerable.Range(1, ContactService.MaxTags + 1).Select(i => $"t{i}"));
        var justEnough = string.Join(';', Enumerable.Range(1, ContactService.MaxTags - 1).Select(i => $"t{i}").Append(new string('t', 50)));
        var summary = await CommitAsync($"name,phone,tags\nA,\"{a}\",{tooMany}\nB,\"{b}\",{new string('t', 51)}\nC,\"{c}\",{justEnough}\n");
        Assert.Equal(new[] { 1, 2 }, summary.Rejected.Select(r => r.Row));
        Assert.All(summary.Rejected, r => Assert.Equal($"At most {ContactService.MaxTags} tags of at most 50 characters.", r.Reason));
        Assert.Equal(ContactService.MaxTags, (await ContactAsync(cE164))!.Tags.Count);
    }

    [Fact]
    public async Task A_number_twice_in_the_file_and_bad_numbers_are_rejected_and_a_preview_writes_nothing()
    {
        var (typed, e164) = TestPhones.Next();
        var csv = $"name,phone\nAna,\"{typed}\"\nAna Again,{e164}\nNo Phone,12345\n";
        var preview = await Import.PreviewAsync(new StringReader(csv), default);
        Assert.Equal((1, 0), (preview.Created, preview.Updated));
        Assert.Equal(new ImportRejection(2, $"Duplicate of row 1 (same phone {e164})."), preview.Rejected[0]);
        Assert.Equal(3, preview.Rejected[1].Row);
        Assert.Null(await ContactAsync(e164));
        var committed = await CommitAsync(csv);
        Assert.Equal(preview.Rejected, committed.Rejected);
        Assert.Equal("Ana", (await ContactAsync(e164))!.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,email\nAna,ana@example.com\n")]
    public async Task A_file_without_a_header_or_a_phone_column_is_refused(string csv) =>
        await Assert.ThrowsAsync<ContactImport.InvalidCsvException>(() => Import.PreviewAsync(new StringReader(csv), default));

    [Fact]
    public async Task More_than_20000_rows_are_refused()
    {
        var body = string.Concat(Enumerable.Repeat("A,1\n", ContactImport.MaxRows + 1));
        var error = await Assert.ThrowsAsync<ContactImport.InvalidCsvException>(() => Import.PreviewAsync(new StringReader("name,phone\n" + body), default));
        Assert.Equal("The file has more than 20,000 rows; split it.", error.Message);
        var atLimit = await Import.PreviewAsync(new StringReader("name,phone\n" + string.Concat(Enumerable.Repeat("A,1\n", ContactImport.MaxRows))), default);
        Assert.Equal(ContactImport.MaxRows, atLimit.RejectedCount);
    }
}
