using HibachiAdmin.Infrastructure.Providers.Ai;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace HibachiAdmin.Tests.Features.Messaging;

public sealed class IntentTests
{
    // Tuesday 24 November 2026.
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("Do you do hibachi parties? Next Saturday, party of 12 in 11201", "2026-12-05", 12, "11201")]
    [InlineData("Looking to book a chef for my son's graduation on 12/5, about 20 people", "2026-12-05", 20, null)]
    [InlineData("Birthday party Dec 5th for 15 guests, budget $1,200", "2026-12-05", 15, null)]
    [InlineData("Can you cater our wedding on March 14, 2027? 80 adults", "2027-03-14", 80, null)]
    [InlineData("hibachi this saturday? 10 ppl", "2026-11-28", 10, null)]
    [InlineData("book a party on 2/1 for 30 people", "2027-02-01", 30, null)]
    public void Booking_inquiries_are_recognised_with_their_details(string text, string date, int guests, string? zip)
    {
        var intent = OfflineIntentRules.Classify(text, Today);
        Assert.Equal(IntentKind.BookingInquiry, intent.Kind);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), intent.EventDate);
        Assert.Equal(guests, intent.GuestCount);
        Assert.Equal(zip, intent.Zip);
        Assert.InRange(intent.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("How much per person?", IntentKind.PricingQuestion)]
    [InlineData("Are you available on Sundays?", IntentKind.Availability)]
    [InlineData("The chef never showed, I want a refund", IntentKind.Complaint)]
    [InlineData("Thanks!", IntentKind.Other)]
    [InlineData("Hi, can I move my cleaning to Friday morning?", IntentKind.Other)]
    public void Other_kinds_of_messages(string text, IntentKind kind) =>
        Assert.Equal(kind, OfflineIntentRules.Classify(text, Today).Kind);

    [Fact]
    public void Budget_occasion_and_city_are_extracted()
    {
        var intent = OfflineIntentRules.Classify("Anniversary dinner in Brooklyn next Friday for 8 people, budget around $900", Today);
        Assert.Equal(900m, intent.Budget);
        Assert.Equal("anniversary", intent.Occasion);
        Assert.Equal("Brooklyn", intent.City);
        Assert.Equal(new DateOnly(2026, 12, 4), intent.EventDate);
    }

    [Fact]
    public async Task The_classifier_goes_through_IChatClient_and_uses_the_message_local_date()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Business:TimeZone"] = "America/New_York" }).Build();
        var classifier = new IntentClassifier(new OfflineChatClient(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero))), config, NullLogger<IntentClassifier>.Instance);
        // 02:00 UTC on the 25th is still the 24th (a Tuesday) in New York; the clock (March 2027) is not used.
        var intent = await classifier.ClassifyAsync("party of 12 tomorrow", new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc), default);
        Assert.Equal(IntentKind.BookingInquiry, intent.Kind);
        Assert.Equal(new DateOnly(2026, 11, 25), intent.EventDate);
    }
}
