using System.Security.Cryptography;
using System.Text;
using HibachiAdmin.Features.Payments;

namespace HibachiAdmin.Tests.Features.Payments;

/// <summary>
/// Stripe-Signature vectors: a header computed independently from a known secret (HMAC-SHA256 of "{t}.{body}"), and
/// every way it can be wrong: old or future timestamp, wrong secret, a body changed by one byte, several v1 values.
/// </summary>
public sealed class StripeSignatureTests
{
    private const string Secret = "whsec_test_5f8e2a1c9b7d4e3f";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_764_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","object":"event","type":"checkout.session.completed"}""");

    /// <summary>The expected value computed here, not by the code under test.</summary>
    private static string V1(byte[] body, string secret, long t) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{t}."), .. body]));

    [Fact]
    public void A_header_computed_from_the_secret_is_valid_and_Sign_produces_exactly_it()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={V1(Body, Secret, t)}";
        Assert.True(StripeSignature.IsValid(Body, header, Secret, Now));
        Assert.Equal(header, StripeSignature.Sign(Body, Secret, t));
    }

    [Fact]
    public void Stripe_documented_vector_is_valid()
    {
        // The same computation as Stripe's own libraries for this body, secret and timestamp.
        const string secret = "whsec_test_secret";
        var body = Encoding.UTF8.GetBytes("{\n  \"id\": \"evt_test_webhook\",\n  \"object\": \"event\"\n}");
        const long t = 1_700_000_000;
        var expected = Convert.ToHexStringLower(new HMACSHA256(Encoding.UTF8.GetBytes(secret)).ComputeHash(Encoding.UTF8.GetBytes($"{t}.{Encoding.UTF8.GetString(body)}")));
        Assert.True(StripeSignature.IsValid(body, $"t={t},v1={expected}", secret, DateTimeOffset.FromUnixTimeSeconds(t + 10)));
    }

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-300, true)]
    [InlineData(-301, false)]
    [InlineData(86_400, false)]
    public void The_timestamp_must_be_within_five_minutes_of_now(int ageSeconds, bool valid)
    {
        var t = Now.ToUnixTimeSeconds() - ageSeconds;
        Assert.Equal(valid, StripeSignature.IsValid(Body, $"t={t},v1={V1(Body, Secret, t)}", Secret, Now));
    }

    [Fact]
    public void A_wrong_secret_is_refused()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.False(StripeSignature.IsValid(Body, $"t={t},v1={V1(Body, "whsec_other", t)}", Secret, Now));
    }

    [Fact]
    public void A_body_changed_by_one_byte_is_refused()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={V1(Body, Secret, t)}";
        var tampered = (byte[])Body.Clone();
        tampered[^3] ^= 1;
        Assert.False(StripeSignature.IsValid(tampered, header, Secret, Now));
        Assert.False(StripeSignature.IsValid([.. Body, (byte)' '], header, Secret, Now));
    }

    [Fact]
    public void A_signature_for_another_timestamp_is_refused()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.False(StripeSignature.IsValid(Body, $"t={t},v1={V1(Body, Secret, t - 1)}", Secret, Now));
    }

    [Fact]
    public void Any_of_several_v1_values_may_match_in_any_position_and_other_schemes_are_ignored()
    {
        var t = Now.ToUnixTimeSeconds();
        var good = V1(Body, Secret, t);
        var bad = V1(Body, "whsec_old", t);
        Assert.True(StripeSignature.IsValid(Body, $"t={t},v1={bad},v1={good}", Secret, Now));
        Assert.True(StripeSignature.IsValid(Body, $"t={t},v1={good},v1={bad}", Secret, Now));
        Assert.True(StripeSignature.IsValid(Body, $"t={t},v0={bad},v1={good}", Secret, Now));
        Assert.True(StripeSignature.IsValid(Body, $" t={t} , v1={good} ", Secret, Now));
        Assert.False(StripeSignature.IsValid(Body, $"t={t},v1={bad},v1={bad}", Secret, Now));
        // Only v1 counts: the right value under another scheme is not a signature.
        Assert.False(StripeSignature.IsValid(Body, $"t={t},v0={good}", Secret, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1=abc")]
    [InlineData("t=,v1=")]
    [InlineData("t=-5,v1=00")]
    [InlineData("t=1764000000")]
    [InlineData("t=1764000000,v1=zz")]
    [InlineData("t=99999999999999999999999,v1=00")]
    public void Malformed_headers_are_refused(string? header)
    {
        Assert.False(StripeSignature.IsValid(Body, header, Secret, Now));
    }

    [Fact]
    public void Hex_case_does_not_matter_and_a_truncated_value_never_matches()
    {
        var t = Now.ToUnixTimeSeconds();
        var good = V1(Body, Secret, t);
        Assert.True(StripeSignature.IsValid(Body, $"t={t},v1={good.ToUpperInvariant()}", Secret, Now));
        Assert.False(StripeSignature.IsValid(Body, $"t={t},v1={good[..62]}", Secret, Now));
    }

    [Fact]
    public void An_empty_secret_never_validates()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.False(StripeSignature.IsValid(Body, $"t={t},v1={V1(Body, "", t)}", "", Now));
    }
}
