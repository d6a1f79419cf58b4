using HibachiAdmin.Common;

namespace HibachiAdmin.Tests.Common;

/// <summary>Where a party is: the state of a ZIP code by its first three digits, and of an address written the US way.</summary>
public sealed class UsZipStatesTests
{
    [Theory]
    [InlineData("78701", "TX")] // Austin
    [InlineData("73301", "TX")] // Austin's IRS prefix inside Oklahoma's range
    [InlineData("73102", "OK")]
    [InlineData("88510", "TX")] // El Paso
    [InlineData("02903", "RI")]
    [InlineData("06101", "CT")]
    [InlineData("05501", "MA")] // Andover's prefix inside Vermont's range
    [InlineData("20001", "DC")]
    [InlineData("20101", "VA")]
    [InlineData("39201", "MS")]
    [InlineData("39901", "GA")]
    [InlineData("84101", "UT")]
    [InlineData("86001", "AZ")] // Flagstaff
    [InlineData("96813", "HI")]
    [InlineData("99501", "AK")]
    [InlineData("00501", "NY")]
    [InlineData("10001-1234", "NY")]
    [InlineData("34002", null)] // military mail (AA)
    [InlineData("09001", null)] // military mail (AE)
    [InlineData("00901", null)] // Puerto Rico: no state rule
    [InlineData("7870", null)]
    [InlineData("787011", null)]
    [InlineData("abcde", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_zip_code_names_the_state_of_its_prefix(string? zip, string? state) => Assert.Equal(state, UsZipStates.OfZip(zip));

    [Fact]
    public void An_address_gives_the_state_written_before_its_zip_and_the_zips_own_state_and_the_zip_field_counts_too()
    {
        Assert.Equal(["TX"], UsZipStates.Of("12 Congress Ave, Austin, TX 78701", null));
        Assert.Equal(["TX"], UsZipStates.Of("12 Congress Ave, Austin, tx. 78701-2001", "78701"));
        // A state that disagrees with its ZIP: both count (strictest of both).
        Assert.Equal(["RI", "MA"], UsZipStates.Of("1 Main St, Attleboro, MA 02703", "02860"));
        Assert.Equal(["FL"], UsZipStates.Of("Harbor Hall, table 7", "33101"));
        Assert.Empty(UsZipStates.Of("Harbor Hall, table 7", null));
        Assert.Empty(UsZipStates.Of(null, null));
        // The last state-and-ZIP of the address is the place ("Suite 20 NY 10001" earlier in a line does not win).
        Assert.Equal(["NJ"], UsZipStates.Of("Ship from NY 10001 to 5 Elm St, Hoboken, NJ 07030", null));
    }
}
