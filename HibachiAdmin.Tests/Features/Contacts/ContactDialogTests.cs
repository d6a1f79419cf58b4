using HibachiAdmin.Features.Messaging.Contracts;
using Bunit;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Components;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Contacts;

public sealed class ContactDialogTests : MudTestContext
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public ContactDialogTests()
    {
        // SQLite in memory, connection held open for the test (not the EF InMemory provider, which has no relational behaviour).
        _connection.Open();
        Services.AddDbContextFactory<AppDbContext>(o => o.UseSqlite(_connection));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<Phones>();
        Services.AddSingleton<HibachiAdmin.Infrastructure.Events.EventStore>();
        Services.AddSingleton<Hangfire.IBackgroundJobClient>(new RecordingJobClient());
        Services.AddSingleton<HibachiAdmin.Infrastructure.Events.OutboxSignal>();
        Services.AddSingleton<OptInRequestService>();
        Services.AddSingleton<ContactService>();
        Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Services.AddSingleton<HibachiAdmin.Common.Formats>();
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        db.Database.EnsureCreated();
    }

    private int ContactCount()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.Set<Contact>().Count();
    }

    [Fact]
    public async Task Empty_name_and_an_invalid_phone_show_errors_and_nothing_is_saved()
    {
        var provider = await OpenDialogAsync<ContactDialog>();
        provider.Find("input[data-testid=contact-phone], [data-testid=contact-phone] input").Input("555-12");
        provider.Find("[data-testid=save-contact]").Click();

        provider.WaitForAssertion(() =>
        {
            Assert.Contains("Name is required.", provider.Markup);
            Assert.Contains("is not a valid phone number", provider.Markup);
        });
        Assert.Equal(0, ContactCount());
    }

    [Fact]
    public async Task A_valid_contact_is_saved_with_its_E164_phone()
    {
        var provider = await OpenDialogAsync<ContactDialog>();
        provider.Find("input[data-testid=contact-name], [data-testid=contact-name] input").Input("Kenji Tanaka");
        provider.Find("input[data-testid=contact-phone], [data-testid=contact-phone] input").Input("(907) 555-0111");
        provider.Find("[data-testid=save-contact]").Click();

        provider.WaitForAssertion(() => Assert.True(ContactCount() == 1, provider.Markup), TimeSpan.FromSeconds(10));
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var saved = db.Set<Contact>().Single();
        Assert.Equal("+19075550111", saved.Phone);
        Assert.Equal("AK", saved.State);
    }

    protected override ValueTask DisposeResourcesAsync() => _connection.DisposeAsync();
}
