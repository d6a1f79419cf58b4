using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
namespace HibachiAdmin.Tests.TestKit;

/// <summary>
/// Phone numbers for tests: each call gives a number no other test in the process has had (one process-wide
/// counter), valid for libphonenumber (a real area code, the 555 exchange) and written as people write them.
/// The area code decides the number's state and time zone, so a test that cares names it.
/// </summary>
public static class TestPhones
{
    private const int First = 1000;
    private static int _next = First - 1;

    /// <summary>A new number in New York's 212, or in one of <paramref name="areaCodes"/> (taken in turn).</summary>
    public static TestPhone Next(params string[] areaCodes)
    {
        var line = Interlocked.Increment(ref _next);
        if (line > 9999)
        {
            throw new InvalidOperationException($"TestPhones ran out of lines ({9999 - First + 1} numbers per test process).");
        }
        return new TestPhone(areaCodes is [] ? "212" : areaCodes[line % areaCodes.Length], line);
    }
}

/// <summary>One test number: <see cref="Typed"/> as a person writes it, <see cref="E164"/> as the app stores it.</summary>
public sealed record TestPhone
{
    public TestPhone(string areaCode, int line)
    {
        AreaCode = areaCode;
        Line = line;
    }

    public string AreaCode { get; }

    /// <summary>The four digits after 555, unique in the test process.</summary>
    public int Line { get; }

    /// <summary>As people write it: (212) 555-1234.</summary>
    public string Typed => $"({AreaCode}) 555-{Line:D4}";

    /// <summary>As the app stores it: +12125551234.</summary>
    public string E164 => $"+1{AreaCode}555{Line:D4}";

    public override string ToString() => Typed;

    /// <summary><c>var (typed, e164) = TestPhones.Next();</c></summary>
    public void Deconstruct(out string typed, out string e164)
    {
        typed = Typed;
        e164 = E164;
    }
}
