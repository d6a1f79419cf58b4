using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Contacts.Contracts;

namespace HibachiAdmin.Tests.Features.Contacts;

/// <summary>
/// A number's time zones (for recipient-local quiet hours) and state (for the stricter state rules),
/// from libphonenumber, against the vectors in Fixtures/phone-timezones.tsv.
/// </summary>
public sealed class PhoneGeographyTests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in Fixtures.ReadLines("phone-timezones.tsv").Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            data.Add(cells[0], cells[2], cells[3]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Zones_and_state_follow_the_number(string number, string zones, string place)
    {
        var parsed = new Phones().Parse(number);
        if (zones == "Etc/Unknown")
        {
            Assert.Null(parsed); // not a valid number: nothing is sent to it
            return;
        }
        Assert.NotNull(parsed);
        Assert.Equal(zones.Split(','), parsed.TimeZones);
        // "City ST" vectors name the state; toll-free and multi-zone rows have none to check.
        var last = place.Split(' ').Last();
        if (last.Length == 2 && last.All(char.IsUpper))
        {
            Assert.Equal(last, parsed.State);
        }
        if (number.StartsWith("+1800", StringComparison.Ordinal))
        {
            Assert.Null(parsed.State); // toll-free: no state, so the strictest rules apply
        }
    }

    [Theory]
    [InlineData("+19075550111", "AK")]
    [InlineData("+12085550100", "ID")]
    [InlineData("+12025550100", "DC")]
    [InlineData("+12065550100", "WA")] // geocoded as "Washington State"
    [InlineData("+14165550100", null)] // Toronto: not a US state
    public void State_names_and_codes_map_to_two_letters(string number, string? state) =>
        Assert.Equal(state, new Phones().Parse(number)?.State);
}
