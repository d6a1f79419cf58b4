using HibachiAdmin.Features.Leads.Contracts;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HibachiAdmin.Tests.Features.Leads;

/// <summary>What inferred leads keep of their input (cut to the columns, amounts and guest counts in range).</summary>
public sealed class LeadStatusRulesTestsOfFitToModel
{
    private static NewLead Input(string? text = null, decimal? value = null, int? guests = null) =>
        new(Guid.NewGuid(), LeadSource.Sms, Zip: text, Location: text, Occasion: text, Notes: text, EstimatedValue: value, GuestCount: guests);

    [Fact]
    public void Long_text_is_cut_to_each_columns_length_and_short_text_is_kept()
    {
        var fit = LeadService.FitToModel(Input(new string('x', 5000)));
        Assert.Equal((Lead.MaxZip, Lead.MaxLocation, Lead.MaxOccasion, Lead.MaxNotes), (fit.Zip!.Length, fit.Location!.Length, fit.Occasion!.Length, fit.Notes!.Length));
        var exact = LeadService.FitToModel(new NewLead(Guid.NewGuid(), LeadSource.Sms, Zip: "12345-6789", Notes: "hi"));
        Assert.Equal(("12345-6789", "hi"), (exact.Zip, exact.Notes));
        var empty = LeadService.FitToModel(Input(""));
        Assert.Equal(("", "", ""), (empty.Zip, empty.Location, empty.Notes));
        var none = LeadService.FitToModel(Input());
        Assert.Equal((null, null, null, null), (none.Zip, none.Location, none.Occasion, none.Notes));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("720.456", "720.46")]
    [InlineData("1000000", "1000000")]
    [InlineData("-0.01", null)]
    [InlineData("1000000.01", null)]
    public void An_amount_outside_the_money_bounds_is_dropped_and_kept_ones_are_rounded_to_cents(string amount, string? expected) =>
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            LeadService.FitToModel(Input(value: decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))).EstimatedValue);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(LeadService.MaxGuests, LeadService.MaxGuests)]
    [InlineData(0, null)]
    [InlineData(-3, null)]
    [InlineData(LeadService.MaxGuests + 1, null)]
    public void A_guest_count_out_of_range_is_dropped(int guests, int? expected) =>
        Assert.Equal(expected, LeadService.FitToModel(Input(guests: guests)).GuestCount);

    [Fact]
    public void The_rest_of_the_input_is_kept()
    {
        var input = new NewLead(Guid.NewGuid(), LeadSource.QrCode, new DateOnly(2027, 1, 2), 10, ThreadId: Guid.NewGuid(), CallId: Guid.NewGuid(),
            QrCodeId: Guid.NewGuid(), CampaignId: Guid.NewGuid(), MessageId: Guid.NewGuid());
        Assert.Equal(input, LeadService.FitToModel(input));
    }
}
