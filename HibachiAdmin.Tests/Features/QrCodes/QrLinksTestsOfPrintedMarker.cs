using CsCheck;
using HibachiAdmin.Features.QrCodes;
using Microsoft.AspNetCore.WebUtilities;

namespace HibachiAdmin.Tests.Features.QrCodes;

/// <summary>
/// A printed code's scan is told apart from a shared link by the <c>qr</c> query key. The redirect reads it without
/// building the query collection; it must answer exactly what the framework's parser answers.
/// </summary>
public sealed class QrLinksTestsOfPrintedMarker
{
    [Theory]
    [InlineData("?qr=1", true)]
    [InlineData("qr=1", true)] // without the leading "?"
    [InlineData("?QR=1", true)] // keys are matched in any letter case
    [InlineData("?qr", true)] // a key without a value
    [InlineData("?qr&x=1", true)] // a key without a value before others
    [InlineData("?x&qr", true)]
    [InlineData("?qr=", true)]
    [InlineData("?utm_source=x&qr=1", true)]
    [InlineData("?a=1&b=2&qR=yes", true)]
    [InlineData("?q%72=1", true)] // an escaped key decodes to qr
    [InlineData("?x=%26&qr=1", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("?", false)]
    [InlineData("?q=1", false)]
    [InlineData("?qrx=1", false)]
    [InlineData("?xqr=1", false)]
    [InlineData("?x=qr", false)] // a value, not a key
    [InlineData("?x=1&y=qr&z", false)]
    [InlineData("?q+r=1", false)] // "+" decodes to a space: "q r"
    [InlineData("?%71%72%73=1", false)] // "qrs"
    [InlineData("?&&", false)]
    [InlineData("?=qr", false)]
    public void The_marker_is_a_query_key_named_qr(string? query, bool printed)
    {
        Assert.Equal(printed, QrLinks.HasPrintedMarker(query));
        Assert.Equal(printed, query is not null && QueryHelpers.ParseQuery(query).ContainsKey(QrLinks.PrintedMarker));
    }

    private static readonly string[] Pieces = ["qr", "QR", "Qr", "q", "r", "qrx", "xqr", "q%72", "%71r", "q+r", "", "=", "1", "a", "&"];

    [Fact]
    public void Any_query_gets_the_framework_parsers_answer() =>
        // Queries built from keys and values near the marker ("qr", "QR", "q", "qrx", escapes, "=", "&", "+").
        Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i])
            .Array[0, 8]
            .Select(Gen.Bool, (parts, leading) => (leading ? "?" : "") + string.Concat(parts.Select((p, i) => i == 0 ? p : (i % 2 == 0 ? "&" : "=") + p)))
            .Sample(query => QrLinks.HasPrintedMarker(query) == QueryHelpers.ParseQuery(query).ContainsKey(QrLinks.PrintedMarker), iter: 20_000);
}
