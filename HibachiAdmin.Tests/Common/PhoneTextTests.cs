using HibachiAdmin.Common;

namespace HibachiAdmin.Tests.Common;

/// <summary>Phones in text a person reads: E.164 becomes the national format; everything else is left as written.</summary>
public sealed class PhoneTextTests
{
    [Theory]
    [InlineData("Call us at +12125550147.", "Call us at (212) 555-0147.")]
    [InlineData("+12125550147 or +12015550100", "(212) 555-0147 or (201) 555-0100")]
    [InlineData("London: +442079460958", "London: +44 20 7946 0958")]
    [InlineData("Order +1234 and 2125550147 stay", "Order +1234 and 2125550147 stay")]
    [InlineData("(212) 555-0147", "(212) 555-0147")]
    [InlineData("a+12125550147", "a+12125550147")]
    [InlineData("", "")]
    public void Humanize_rewrites_only_international_numbers(string text, string expected) => Assert.Equal(expected, PhoneText.Humanize(text));

    [Theory]
    [InlineData("+12125550147", "(212) 555-0147")]
    [InlineData("not a phone", "not a phone")]
    [InlineData(null, "")]
    public void Display_is_the_way_people_write_it(string? e164, string expected) => Assert.Equal(expected, PhoneText.Display(e164));
}
