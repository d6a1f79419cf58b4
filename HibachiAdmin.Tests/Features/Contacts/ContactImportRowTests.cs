using HibachiAdmin.Features.Messaging.Contracts;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Identity;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>
/// CSV import at its edges: a list never opts in a person who opted out (the rest of the row applies,
/// with a warning), blank cells change nothing, quoted cells are trimmed, header spellings and
/// delimiters, contacts made from the number alone, and a refused file says why.
/// </summary>
public sealed class ContactImportRowTests(FrozenAppFactory app) : IClassFixture<FrozenAppFactory>
{
    private static readonly Actor Marketer = new("marketer@test.local");

    private ContactImport Import => app.Services.GetRequiredService<ContactImport>();
    private ContactService Contacts => app.Services.GetRequiredService<ContactService>();

    private Task<Contact?> ContactAsync(string e164) => app.ContactByPhoneAsync(e164);

    private Task<ImportSummary> CommitAsync(string csv) => Import.CommitAsync(new StringReader(csv), Marketer, default);

    private async Task<Guid> OptedOutByKeywordAsync(string e164)
    {
        var id = (await Contacts.FindOrCreateByPhoneAsync(e164, "Opted Out", default))!.Value.Contact.Id;
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(KeywordConsentOutcome.Applied,
            await Contacts.ApplyKeywordAsync(db, id, SmsConsent.OptedOut, app.Time!.GetUtcNow().UtcDateTime.AddDays(-1), "Inbound SMS: \"STOP\"", default));
        await db.SaveChangesAsync();
        return id;
    }

    [Theory]
    [InlineData("optedIn")]
    [InlineData("yes")]
    public async Task An_import_never_opts_in_a_person_who_opted_out_but_applies_the_rest_of_the_row(string word)
    {
        var (_, e164) = TestPhones.Next();
        var id = await OptedOutByKeywordAsync(e164);
        var csv = $"name,phone,email,smsConsent,consentSource\nNew Name,{e164},new@example.com,{word},old-signup-sheet\n";

        var preview = await Import.PreviewAsync(new StringReader(csv), default);
        Assert.Equal(new[] { ContactImport.OptedOutKept }, preview.Rows.Single().Warnings);
        var summary = await CommitAsync(csv);
        Assert.Equal((0, 1, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        var row = summary.Rows.Single();
        Assert.Equal((ImportRowOutcome.Update, (string?)null), (row.Outcome, row.Reason));
        Assert.Equal(new[] { ContactImport.OptedOutKept }, row.Warnings);

        var contact = (await ContactAsync(e164))!;
        Assert.Equal((SmsConsent.OptedOut, ContactService.KeywordSource, "New Name", "new@example.com"), (contact.SmsConsent, contact.SmsConsentSource, contact.Name, contact.Email));
        Assert.Single(await Contacts.GetConsentHistoryAsync(id, default)); // the STOP only
    }

    [Fact]
    public async Task An_import_records_an_opt_out_and_asks_people_who_never_opted_out_to_confirm_an_opt_in()
    {
        var (_, optedIn) = TestPhones.Next();
        var (_, none) = TestPhones.Next();
        var (_, newPerson) = TestPhones.Next();
        var inId = (await Contacts.FindOrCreateByPhoneAsync(optedIn, "Was In", default))!.Value.Contact.Id;
        Assert.True(await PersonConsent.SetAsync(app.Services, inId, SmsConsent.OptedIn));
        await Contacts.FindOrCreateByPhoneAsync(none, "Never Asked", default);

        var summary = await CommitAsync($"name,phone,smsConsent,consentSource\n,{optedIn},optedOut,phone-call\n,{none},optedIn,paper-form\nNew,{newPerson},optedOut,paper-form\n");
        Assert.Equal((1, 2, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        Assert.Equal([[], [ContactImport.AskedToConfirm], []], summary.Rows.Select(r => r.Warnings.ToArray()).ToArray());
        Assert.Equal(SmsConsent.OptedOut, (await ContactAsync(optedIn))!.SmsConsent);
        Assert.Equal(SmsConsent.PendingConfirmation, (await ContactAsync(none))!.SmsConsent);
        Assert.Equal(SmsConsent.OptedOut, (await ContactAsync(newPerson))!.SmsConsent);
    }

    [Theory]
    [InlineData(SmsConsent.OptedIn)]
    [InlineData(SmsConsent.OptedOut)]
    public async Task None_in_a_re_import_keeps_the_recorded_consent_even_with_a_source(SmsConsent recorded)
    {
        var (_, e164) = TestPhones.Next();
        var id = (await Contacts.FindOrCreateByPhoneAsync(e164, "Recorded", default))!.Value.Contact.Id;
        var source = recorded == SmsConsent.OptedIn ? ContactService.KeywordSource : "web-form";
        Assert.True(recorded == SmsConsent.OptedIn
            ? await PersonConsent.SetAsync(app.Services, id, recorded)
            : await Contacts.SetConsentAsync(id, new ConsentChange(recorded, source, null), Actor.System, default));

        foreach (var row in new[] { "none,paper-form", "None," })
        {
            var summary = await CommitAsync($"name,phone,smsConsent,consentSource\n,{e164},{row}\n");
            Assert.Equal((0, 1, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        }
        var contact = (await ContactAsync(e164))!;
        Assert.Equal((recorded, source), (contact.SmsConsent, contact.SmsConsentSource));
        Assert.Single(await Contacts.GetConsentHistoryAsync(id, default)); // the recorded change only
    }

    [Fact]
    public async Task A_file_without_a_tags_column_adds_no_tags_and_keeps_the_contacts_own()
    {
        var (typed, e164) = TestPhones.Next();
        var (_, other) = TestPhones.Next();
        await CommitAsync($"name,phone,tags\nTagged,\"{typed}\",vip;corporate\n");
        var summary = await CommitAsync($"name,phone\nTagged Again,{e164}\nNew Person,{other}\n");
        Assert.Equal((1, 1, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        Assert.Equal(["corporate", "vip"], (await ContactAsync(e164))!.Tags.Select(t => t.Tag).Order());
        Assert.Empty((await ContactAsync(other))!.Tags);
    }

    [Fact]
    public async Task The_api_reports_the_warning_with_its_row()
    {
        var (_, e164) = TestPhones.Next();
        await OptedOutByKeywordAsync(e164);
        var client = await app.CreateClientInRoleAsync(Roles.Marketing);
        var response = await client.PostAsync("/api/v1/contacts/import", new StringContent($"name,phone,smsConsent,consentSource\nA,{TestPhones.Next().Typed}\nB,{e164},optedIn,web\n", Encoding.UTF8, "text/csv"));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var warning = Assert.Single(json.GetProperty("warnings").EnumerateArray());
        Assert.Equal((2, ContactImport.OptedOutKept), (warning.GetProperty("row").GetInt32(), warning.GetProperty("reason").GetString()));
        Assert.Equal((1, 1), (json.GetProperty("created").GetInt32(), json.GetProperty("updated").GetInt32()));
        Assert.Equal(SmsConsent.OptedOut, (await ContactAsync(e164))!.SmsConsent);
    }

    [Fact]
    public async Task Blank_cells_even_quoted_spaces_change_nothing_and_are_not_validated()
    {
        var (typed, e164) = TestPhones.Next();
        await CommitAsync($"name,phone,email,state,zip\nKept Name,\"{typed}\",kept@example.com,NJ,07001\n");
        var summary = await CommitAsync($"name,phone,email,state,zip,smsConsent,consentSource\n\"   \",{e164},\"   \",\"  \",\"  \",\"  \",\"  \"\n");
        Assert.Equal((0, 1, 0), (summary.Created, summary.Updated, summary.RejectedCount));
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(("Kept Name", "kept@example.com", "NJ", "07001", SmsConsent.None), (contact.Name, contact.Email, contact.State, contact.Zip, contact.SmsConsent));
    }

    [Fact]
    public async Task Blank_name_source_or_evidence_in_quotes_count_as_missing()
    {
        var (a, _) = TestPhones.Next();
        var (b, _) = TestPhones.Next();
        var (c, cE164) = TestPhones.Next();
        var (d, dE164) = TestPhones.Next();
        var summary = await CommitAsync(
            $"name,phone,smsConsent,consentSource,consentEvidence\n\"   \",\"{a}\",,,\nB,\"{b}\",optedIn,\"  \",\nC,\"{c}\",optedIn,web,\"   \"\nD,\"{d}\",-,,\n");
        Assert.Equal(
            [
                new ImportRejection(1, "Name is required for a new contact."),
                new ImportRejection(2, "smsConsent is set but consentSource is empty: consent is only recorded with its source."),
            ],
            summary.Rejected);
        var entry = Assert.Single(await Contacts.GetConsentHistoryAsync((await ContactAsync(cE164))!.Id, default));
        Assert.Equal("CSV import, row 3", entry.Evidence);
        // "-" is a blank consent too: created, nothing recorded.
        var dash = (await ContactAsync(dE164))!;
        Assert.Equal(SmsConsent.None, dash.SmsConsent);
        Assert.Empty(await Contacts.GetConsentHistoryAsync(dash.Id, default));
    }

    [Fact]
    public async Task Quoted_cells_are_trimmed_before_they_are_checked_and_stored()
    {
        var (typed, e164) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone,email,state,zip,tags,smsConsent,consentSource\n\"  Ana Q  \",\"{typed}\",\" ana.q@example.com \",\" ny \",\" 10001 \",\" vip ; wedding \",\" opted in \",\" web-form \"\n");
        Assert.Equal((1, 0), (summary.Created, summary.RejectedCount));
        Assert.Equal("Ana Q", summary.Rows.Single().Name);
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(("Ana Q", "ana.q@example.com", "NY", "10001", SmsConsent.PendingConfirmation, "web-form"),
            (contact.Name, contact.Email, contact.State, contact.Zip, contact.SmsConsent, contact.SmsConsentSource));
        Assert.Equal(new[] { "vip", "wedding" }, contact.Tags.Select(t => t.Tag).Order());
    }

    [Fact]
    public async Task A_new_contact_takes_its_state_and_zone_from_the_number_and_an_update_moves_only_updated_at()
    {
        var (typed, e164) = TestPhones.Next();
        var created = app.Time!.GetUtcNow().UtcDateTime;
        await CommitAsync($"name,phone\nFrom Number,\"{typed}\"\n");
        var contact = (await ContactAsync(e164))!;
        Assert.Equal(("NY", "America/New_York", created, created, SmsConsent.None), (contact.State, contact.TimeZones, contact.CreatedAt, contact.UpdatedAt, contact.SmsConsent));

        app.Time.Advance(TimeSpan.FromHours(1));
        await CommitAsync($"name,phone,zip\n,{e164},10002\n");
        var updated = (await ContactAsync(e164))!;
        Assert.Equal((created, created.AddHours(1), "10002"), (updated.CreatedAt, updated.UpdatedAt, updated.Zip));
    }

    [Fact]
    public async Task Header_spellings_and_semicolon_files_are_understood_and_sms_consent_wins_over_consent()
    {
        var (a, aE164) = TestPhones.Next();
        var (b, bE164) = TestPhones.Next();
        var summary = await CommitAsync($"Full Name;NAME; Phone ;SMS Consent;consent;Consent Source;consent_evidence\nx;Semi Colon;{a};opted out;optedIn;Paper Form;signed\n");
        Assert.Equal((1, 0), (summary.Created, summary.RejectedCount));
        var contact = (await ContactAsync(aE164))!;
        Assert.Equal(("Semi Colon", SmsConsent.OptedOut, "Paper Form"), (contact.Name, contact.SmsConsent, contact.SmsConsentSource));
        Assert.Equal("CSV import, row 1: signed", Assert.Single(await Contacts.GetConsentHistoryAsync(contact.Id, default)).Evidence);

        await CommitAsync($"name,phone,consent,consentsource\nOnly Consent,\"{b}\",yes,web\n");
        Assert.Equal(SmsConsent.PendingConfirmation, (await ContactAsync(bE164))!.SmsConsent);
    }

    [Fact]
    public async Task A_number_without_a_known_zone_gets_none_stored()
    {
        // International freephone (+800): valid, but in no time zone.
        var summary = await CommitAsync("name,phone\nFreephone,+80012345678\n");
        Assert.Equal((1, 0), (summary.Created, summary.RejectedCount));
        var contact = (await ContactAsync("+80012345678"))!;
        Assert.Null(contact.TimeZones);
    }

    [Fact]
    public async Task Tabs_inside_quoted_headers_and_consent_words_are_ignored()
    {
        var (typed, e164) = TestPhones.Next();
        var summary = await CommitAsync($"name,\"\tphone\t\",smsConsent,consentSource\nTab Person,\"{typed}\",\"\tyes\t\",web\n");
        Assert.Equal((1, 0), (summary.Created, summary.RejectedCount));
        Assert.Equal(SmsConsent.PendingConfirmation, (await ContactAsync(e164))!.SmsConsent);
    }

    [Theory]
    [InlineData("", "The file is empty. The first line must be a header with at least name and phone.")]
    [InlineData("name,email\nAna,ana@example.com\n", "The header has no 'phone' column. Expected columns: name, phone, email, tags, state, zip, smsConsent, consentSource.")]
    public async Task A_refused_file_says_why(string csv, string message)
    {
        var error = await Assert.ThrowsAsync<ContactImport.InvalidCsvException>(() => Import.PreviewAsync(new StringReader(csv), default));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_stores_nothing_of_it_and_the_rest_once()
    {
        var (a, aE164) = TestPhones.Next();
        var (b, _) = TestPhones.Next();
        var summary = await CommitAsync($"name,phone,email\nGood,\"{a}\",good@example.com\nBad,\"{b}\",bad@\n");
        Assert.Equal(new ImportRejection(2, "'bad@' is not a valid email address."), Assert.Single(summary.Rejected));
        Assert.Equal(1, summary.Created);
        Assert.NotNull(await ContactAsync(aE164));
        Assert.Null(await ContactAsync($"+1212555{b[^4..]}"));
    }
}
