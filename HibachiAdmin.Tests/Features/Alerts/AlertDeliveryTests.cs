using HibachiAdmin.Common;
using HibachiAdmin.Features.Alerts;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HibachiAdmin.Tests.Features.Alerts;

/// <summary>
/// Push and email: each person gets the channels they chose, once per alert, a burst rolled up into one message after
/// the roll-up window, nothing in their quiet hours (to the minute) and everything waiting sent when those end; the
/// sandbox email is an .eml file a mail program opens, with the right words, times and links.
/// </summary>
public sealed class AlertDeliveryTests(AlertDeliveryFactory app) : IClassFixture<AlertDeliveryFactory>
{
    private SandboxPushClient Pushes => app.Services.GetRequiredService<SandboxPushClient>();
    private Formats Formats => app.Services.GetRequiredService<Formats>();
    private DateTime Now => app.Time!.GetUtcNow().UtcDateTime;

    private List<SandboxPushClient.Pushed> PushedTo(string endpoint) => [.. Pushes.Sent.Where(p => p.Endpoint == endpoint)];

    private static string Endpoint() => $"https://push.example/send/{Guid.NewGuid():N}";

    [Fact]
    public async Task Five_alerts_at_once_are_one_push_after_the_window_and_never_sent_again()
    {
        var (person, _) = await AlertsTestKit.PersonAsync(app, AlertsTestKit.Only(AlertChannel.Push));
        var endpoint = Endpoint();
        await AlertsTestKit.SubscribeAsync(app, person, endpoint);
        await AlertsTestKit.WriteForAsync(app, person, [.. Enumerable.Range(1, 5).Select(i => AlertsTestKit.Waiting(i, Now.AddSeconds(i - 6)))]);

        app.Time!.Advance(TimeSpan.FromSeconds(59));
        await AlertsTestKit.RunDeliveryAsync(app);
        Assert.Empty(PushedTo(endpoint));

        app.Time.Advance(TimeSpan.FromSeconds(1));
        await AlertsTestKit.RunDeliveryAsync(app);
        await AlertsTestKit.RunDeliveryAsync(app);
        var push = Assert.Single(PushedTo(endpoint));
        Assert.Equal("5 new messages waiting", push.Notice.Title);
        Assert.Equal("Customer 1 is waiting for a reply · Customer 2 is waiting for a reply · Customer 3 is waiting for a reply · and 2 more", push.Notice.Body);
        Assert.Equal("alerts", push.Notice.Url);
        var delivery = Assert.Single(await AlertsTestKit.DeliveriesOfAsync(app, person));
        Assert.Equal((AlertChannel.Push, AlertDeliveryStatus.Sent, 5), (delivery.Channel, delivery.Status, delivery.Count));
        Assert.All(await AlertsTestKit.AlertsOfAsync(app, person), a => Assert.Equal(delivery.Id, a.PushDeliveryId));
    }

    [Fact]
    public async Task A_single_alert_is_pushed_with_its_own_words_and_link()
    {
        var (person, _) = await AlertsTestKit.PersonAsync(app, AlertsTestKit.Only(AlertChannel.Push));
        var endpoint = Endpoint();
        await AlertsTestKit.SubscribeAsync(app, person, endpoint);
        var leadId = Guid.NewGuid();
        await AlertsTestKit.WriteForAsync(app, person, new AlertSource(AlertKind.NewLead, $"lead:{leadId}", "New lead: Ana Ruiz", "From SMS", $"leads?lead={leadId}", Now));
        app.Time!.Advance(TimeSpan.FromMinutes(1));
        await AlertsTestKit.RunDeliveryAsync(app);

        var push = Assert.Single(PushedTo(endpoint));
        Assert.Equal(new PushNotice("New lead: Ana Ruiz", "From SMS", $"leads?lead={leadId}", "hibachi-alerts"), push.Notice);
    }

    [Fact]
    public async Task Each_channel_gets_only_the_kinds_the_person_chose_for_it()
    {
        var (pushOnly, _) = await AlertsTestKit.PersonAsync(app, new AlertPreferencesDto([], [AlertKind.MissedCall], [], null, null, 15));
        var (emailOnly, emailOnlyAddress) = await AlertsTestKit.PersonAsync(app, new AlertPreferencesDto([AlertKind.MissedCall], [], [AlertKind.MissedCall], null, null, 15));
        var (notCalls, _) = await AlertsTestKit.PersonAsync(app, new AlertPreferencesDto([AlertKind.NewLead], [AlertKind.NewLead], [AlertKind.NewLead], null, null, 15));
        var pushEndpoint = Endpoint();
        var emailOnlysBrowser = Endpoint();
        await AlertsTestKit.SubscribeAsync(app, pushOnly, pushEndpoint);
        await AlertsTestKit.SubscribeAsync(app, emailOnly, emailOnlysBrowser);
        var callId = Guid.NewGuid();
        await AlertsTestKit.WriteAsync(app, new AlertSource(AlertKind.MissedCall, $"call:{callId}", "Missed call: Lou Park", "Call them back from the call log.", "calls", Now));
        app.Time!.Advance(TimeSpan.FromMinutes(1));
        await AlertsTestKit.RunDeliveryAsync(app);

        // Push only: pushed, not in the app's list, not emailed.
        var pushed = Assert.Single(await AlertsTestKit.AlertsOfAsync(app, pushOnly));
        Assert.False(pushed.ShowInApp);
        Assert.Single(PushedTo(pushEndpoint));
        Assert.Equal(0, await app.Services.GetRequiredService<AlertService>().UnreadCountAsync(pushOnly, default));
        Assert.Null(pushed.EmailDeliveryId);
        // Email and in-app: emailed and listed, never pushed although the browser is subscribed.
        var emailed = Assert.Single(await AlertsTestKit.AlertsOfAsync(app, emailOnly));
        Assert.True(emailed.ShowInApp);
        Assert.NotNull(emailed.EmailDeliveryId);
        Assert.Empty(PushedTo(emailOnlysBrowser));
        Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"), f => MimeMessage.Load(f).To.Mailboxes.Single().Address == emailOnlyAddress);
        // Not this kind anywhere: no alert at all.
        Assert.Empty(await AlertsTestKit.AlertsOfAsync(app, notCalls));
    }

    [Fact]
    public async Task Quiet_hours_hold_push_and_email_to_the_second_and_the_app_still_shows_the_alert()
    {
        // Quiet hours two to four minutes from now (business time zone), whole minutes.
        var local = Formats.Local(Now);
        var minute = new TimeOnly(local.Hour, local.Minute);
        var from = minute.AddMinutes(2);
        var until = minute.AddMinutes(4);
        var prefs = AlertsTestKit.Everywhere(from.ToString("HH:mm"), until.ToString("HH:mm"));
        var (justBefore, _) = await AlertsTestKit.PersonAsync(app, prefs);
        var (atStart, _) = await AlertsTestKit.PersonAsync(app, prefs);
        var beforeEndpoint = Endpoint();
        var startEndpoint = Endpoint();
        await AlertsTestKit.SubscribeAsync(app, justBefore, beforeEndpoint);
        await AlertsTestKit.SubscribeAsync(app, atStart, startEndpoint);
        var secondsToStart = (int)(from - TimeOnly.FromDateTime(local)).TotalSeconds;

        // One alert due well before the quiet hours; the other due exactly at their first second.
        await AlertsTestKit.WriteForAsync(app, justBefore, new AlertSource(AlertKind.NewLead, $"lead:{Guid.NewGuid()}", "New lead: Before", null, "leads", Now));
        app.Time!.Advance(TimeSpan.FromSeconds(secondsToStart - 60));
        await AlertsTestKit.WriteForAsync(app, atStart, new AlertSource(AlertKind.NewLead, $"lead:{Guid.NewGuid()}", "New lead: During", null, "leads", Now));

        // The last second before the quiet hours: the first one is sent.
        app.Time.Advance(TimeSpan.FromSeconds(59));
        await AlertsTestKit.RunDeliveryAsync(app);
        Assert.Single(PushedTo(beforeEndpoint));
        Assert.Empty(PushedTo(startEndpoint));

        // The first quiet second: due, but held; the app still counts it.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(from, TimeOnly.FromDateTime(Formats.Local(Now)));
        await AlertsTestKit.RunDeliveryAsync(app);
        Assert.Empty(PushedTo(startEndpoint));
        Assert.Equal(1, await app.Services.GetRequiredService<AlertService>().UnreadCountAsync(atStart, default));

        // The last quiet second: still held, on both channels.
        app.Time.Advance(TimeSpan.FromSeconds(119));
        await AlertsTestKit.RunDeliveryAsync(app);
        Assert.Empty(PushedTo(startEndpoint));
        Assert.DoesNotContain(Directory.GetFiles(app.MailFolder, "*.eml"), f => MimeMessage.Load(f).Subject == "New lead: During");

        // The quiet hours have ended: sent once on each channel.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(until, TimeOnly.FromDateTime(Formats.Local(Now)));
        await AlertsTestKit.RunDeliveryAsync(app);
        await AlertsTestKit.RunDeliveryAsync(app);
        Assert.Equal("New lead: During", Assert.Single(PushedTo(startEndpoint)).Notice.Title);
        Assert.Single(Directory.GetFiles(app.MailFolder, "*.eml"), f => MimeMessage.Load(f).Subject == "New lead: During");
        Assert.Single(PushedTo(beforeEndpoint));
    }

    [Fact]
    public async Task The_sandbox_email_is_an_eml_file_with_the_alerts_times_in_the_business_zone_and_links()
    {
        var (person, address) = await AlertsTestKit.PersonAsync(app, AlertsTestKit.Only(AlertChannel.Email));
        var at = Now;
        var leadId = Guid.NewGuid();
        await AlertsTestKit.WriteForAsync(app, person,
            new AlertSource(AlertKind.NewLead, $"lead:{leadId}", "New lead: Rosa & Co", "From SMS", $"leads?lead={leadId}", at),
            new AlertSource(AlertKind.LowReview, $"review:{Guid.NewGuid()}", "1 star on Yelp from Gary O.", "Chef was <late>.", "reviews", at));
        app.Time!.Advance(TimeSpan.FromMinutes(1));
        await AlertsTestKit.RunDeliveryAsync(app);

        var delivery = Assert.Single(await AlertsTestKit.DeliveriesOfAsync(app, person));
        Assert.Equal((AlertChannel.Email, AlertDeliveryStatus.Sent), (delivery.Channel, delivery.Status));
        var file = Path.Combine(app.MailFolder, $"{delivery.Id:N}_alerts.hibachi.eml");
        Assert.True(File.Exists(file), $"expected {file}");
        var mail = MimeMessage.Load(file);
        Assert.Equal("2 new alerts", mail.Subject);
        Assert.Equal(address, mail.To.Mailboxes.Single().Address);
        Assert.Equal("alerts@hibachi.example", mail.From.Mailboxes.Single().Address);
        Assert.Equal($"{delivery.Id:N}@alerts.hibachi", mail.MessageId);
        var stamp = Formats.Stamp(at);
        Assert.Contains($"- New lead: Rosa & Co ({stamp})", mail.TextBody);
        Assert.Contains($"https://admin.hibachi.example/leads?lead={leadId}", mail.TextBody);
        Assert.Contains("- 1 star on Yelp from Gary O.", mail.TextBody);
        Assert.Contains("Chef was <late>.", mail.TextBody);
        Assert.Contains("Rosa &amp; Co", mail.HtmlBody);
        Assert.Contains("Chef was &lt;late&gt;.", mail.HtmlBody);
        Assert.Contains("https://admin.hibachi.example/alerts", mail.TextBody);
    }
}
