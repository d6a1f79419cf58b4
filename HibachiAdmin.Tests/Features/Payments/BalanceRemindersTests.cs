using HibachiAdmin.Features.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>Issue 25 item 6: one reminder before the balance is due and one after it is late, each once, held in quiet hours, none once paid.</summary>
public sealed class BalanceRemindersTests
{
    private static async Task<int> RunAsync(MoneyTestApp m)
    {
        using var scope = m.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<BalanceRemindersJob>().RunAsync(default);
    }

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_before_the_due_date_and_one_when_late_each_once_and_none_in_quiet_hours()
    {
        await using var m = new MoneyTestApp();
        m.App.With("Qr:PublicBaseUrl", "https://hibachi.test");
        var party = await m.PartyAsync();
        var (quote, token) = await m.QuoteAsync(party.BookingId); // balance due Wed Dec 16 (3 days before the party)
        await m.AcceptAndPayAsync(token, quote.Id);
        await m.RunAsync();
        List<string> Reminders() => m.Sms.Sent.Where(s => s.To == party.Phone && s.Text.Contains("balance", StringComparison.Ordinal)).Select(s => s.Text).ToList();

        Assert.Equal(0, await RunAsync(m)); // Nov 24: not yet
        m.Time.SetUtcNow(Utc(12, 15, 3)); // Dec 14, 10 p.m. in New York: inside the two days, but quiet hours
        Assert.Equal(0, await RunAsync(m));
        m.Time.SetUtcNow(Utc(12, 15, 15)); // Dec 15, 10 a.m.
        Assert.Equal(1, await RunAsync(m));
        Assert.Equal(0, await RunAsync(m));
        var due = Assert.Single(Reminders());
        Assert.Contains("the balance of $1,141.87 for your party on Dec 19 is due Dec 16. Pay here: https://hibachi.test/p/", due, StringComparison.Ordinal);

        m.Time.SetUtcNow(Utc(12, 17, 15)); // a day late
        Assert.Equal(1, await RunAsync(m));
        Assert.Equal(0, await RunAsync(m));
        Assert.Equal(2, Reminders().Count);
        Assert.Contains("was due Dec 16", Reminders()[1], StringComparison.Ordinal);

        // Paid through the reminder's own link: nothing more.
        await m.PayAsync(Reminders()[1].Split("/p/")[1].Split(' ')[0]);
        await m.RunAsync();
        m.Time.SetUtcNow(Utc(12, 18, 15));
        Assert.Equal(0, await RunAsync(m));
        Assert.Equal(0m, (await m.RowAsync(party.BookingId)).AmountDue);
    }

    [Fact]
    public async Task Without_a_public_address_no_reminder_is_sent()
    {
        await using var m = new MoneyTestApp();
        var party = await m.PartyAsync();
        await m.QuoteAsync(party.BookingId);
        m.Time.SetUtcNow(Utc(12, 15, 15));
        Assert.Equal(0, await RunAsync(m));
    }
}
