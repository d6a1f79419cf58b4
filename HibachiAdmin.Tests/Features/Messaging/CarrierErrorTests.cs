using HibachiAdmin.Common;
using HibachiAdmin.Features.Campaigns;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Messaging;
using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Infrastructure.Providers.Sms;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Messaging;

/// <summary>A carrier saying "this number cannot take texts" stops marketing to it until the number changes.</summary>
public sealed class CarrierErrorTests
{
    [Theory]
    [InlineData("ringcentral: DeliveryFailed (SMS-CAR-411)", "SMS-CAR-411: the number is invalid or cannot receive texts")]
    [InlineData("ringcentral: SendingFailed (SMS-UP-410)", "SMS-UP-410: the number is invalid or cannot receive texts")]
    [InlineData("SMS-UP-412", "SMS-UP-412: the number is invalid or cannot receive texts")]
    [InlineData("sandbox: simulated carrier failure (SMS-CAR-411)", "SMS-CAR-411: the number is invalid or cannot receive texts")]
    [InlineData("ringcentral: DeliveryFailed (SMS-RC-413)", "SMS-RC-413: the recipient blocks texts from us at the carrier")]
    [InlineData("SMS-CAR-413", "SMS-CAR-413: the recipient blocks texts from us at the carrier")]
    [InlineData("ringcentral: DeliveryFailed (SMS-CAR-104)", null)] // no status from the carrier: says nothing about the number
    [InlineData("ringcentral: DeliveryFailed (SMS-CAR-199)", null)]
    [InlineData("ringcentral: SendingFailed (SMS-RC-410)", null)] // RingCentral's own 410 is not about the recipient
    [InlineData("ringcentral: SendingFailed (SMS-UP-409)", null)]
    [InlineData("ringcentral: SendingFailed (SMS-UP-414)", null)]
    [InlineData("ringcentral: SendingFailed (SMS-CAR-500)", null)]
    [InlineData("SMS-CAR-4110", null)]
    [InlineData("XSMS-CAR-411", null)]
    [InlineData("sms-car-411", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_the_codes_that_mean_the_number_cannot_take_texts_mark_it(string? detail, string? expected) =>
        Assert.Equal(expected, CarrierErrors.InvalidNumber(detail));

    [Fact]
    public async Task A_delivery_failure_for_an_invalid_number_marks_the_contact_and_marketing_skips_it_until_the_number_changes()
    {
        await using var app = new AppFactory().With("Hangfire:ProcessJobs", "false");
        var contacts = app.Services.GetRequiredService<ContactService>();
        var sms = app.Services.GetRequiredService<SmsService>();
        var ava = (await PersonConsent.CreateAsync(app.Services, new CreateContactRequest("Ava Miller", "+12125550101", SmsConsent: SmsConsent.OptedIn))).Contact!;
        var first = await sms.SendAsync(new OutboundSms(ava.Id, ava.Phone!, "December dates are open! Reply STOP to opt out.", SmsPurpose.Marketing), default);
        Assert.True(first.Accepted);

        // A failure that says nothing about the number leaves it alone.
        var second = await sms.SendAsync(new OutboundSms(ava.Id, ava.Phone!, "Another offer. Reply STOP to opt out.", SmsPurpose.Marketing), default);
        Assert.True(await sms.ApplyStatusAsync(second.MessageId!.Value, OutboundStatus.Failed, "ringcentral: DeliveryFailed (SMS-CAR-104)", default));
        Assert.False((await contacts.GetSummaryAsync(ava.Id, default))!.NumberInvalid);

        Assert.True(await sms.ApplyStatusAsync(first.MessageId!.Value, OutboundStatus.Failed, "ringcentral: DeliveryFailed (SMS-CAR-411)", default));
        var marked = (await contacts.GetAsync(ava.Id, default))!;
        Assert.Equal("SMS-CAR-411: the number is invalid or cannot receive texts", marked.PhoneInvalidReason);
        Assert.True((await contacts.GetSummaryAsync(ava.Id, default))!.NumberInvalid);

        var refused = await sms.SendAsync(new OutboundSms(ava.Id, ava.Phone!, "Last chance! Reply STOP to opt out.", SmsPurpose.Marketing), default);
        Assert.Equal((false, "invalidNumber"), (refused.Accepted, refused.RefusedReason));
        // A text about her party is still attempted (staff see the failure where they work).
        Assert.True((await sms.SendAsync(new OutboundSms(ava.Id, ava.Phone!, "Your party is confirmed.", SmsPurpose.Transactional), default)).Accepted);
        var plan = await app.Services.GetRequiredService<CampaignPlanner>().PlanAsync("Hi {FirstName}", new Audience([], [], [ava.Id]), null, default);
        Assert.Equal(HoldReasons.InvalidNumber, Assert.Single(plan.Decisions).Reason);

        // Same number typed again: still marked. A new number is not marked, and has not said yes either: marketing
        // waits for its owner's YES (consent belongs to the number that gave it), then may go again.
        Assert.NotNull((await contacts.UpdateAsync(ava.Id, Patch("(212) 555-0101"), Actor.System, default)).Contact);
        Assert.True((await contacts.GetSummaryAsync(ava.Id, default))!.NumberInvalid);
        Assert.NotNull((await contacts.UpdateAsync(ava.Id, Patch("+1 212 555 0199"), Actor.System, default)).Contact);
        Assert.False((await contacts.GetSummaryAsync(ava.Id, default))!.NumberInvalid);
        Assert.Equal("noConsent", (await sms.SendAsync(new OutboundSms(ava.Id, "+12125550199", "Welcome back! Reply STOP to opt out.", SmsPurpose.Marketing), default)).RefusedReason);
        await PersonConsent.SetAsync(app.Services, ava.Id, SmsConsent.OptedIn);
        Assert.True((await sms.SendAsync(new OutboundSms(ava.Id, "+12125550199", "Welcome back! Reply STOP to opt out.", SmsPurpose.Marketing), default)).Accepted);
    }

    private static ContactPatch Patch(string phone) => new() { Phone = phone };
}
