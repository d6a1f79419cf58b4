using System.Text.RegularExpressions;

namespace HibachiAdmin.Features.Messaging;

/// <summary>
/// RingCentral delivery error codes (<c>deliveryErrorCode</c>, PROTOCOLS.md 1.5): a prefix for who
/// reported it (<c>SMS-RC-</c> RingCentral, <c>SMS-UP-</c> upstream gateway, <c>SMS-CAR-</c> the
/// recipient's carrier) and an HTTP-like number. 410–412 from the gateway or the carrier mean the number
/// is invalid, unallocated or cannot take texts (a landline); 413 means the recipient blocked or opted out
/// at the carrier. RingCentral's guidance for both: stop texting the number. 104/199 (no or unknown
/// status) and 5xx (a server failed) say nothing about the number.
/// Source: developers.ringcentral.com/guide/messaging/sms/sms-errors and …/high-volume/handling-errors.
/// </summary>
public static partial class CarrierErrors
{
    /// <returns>The reason to store on the contact ("SMS-CAR-411: …"), or null when the error says nothing about the number.</returns>
    public static string? InvalidNumber(string? detail)
    {
        if (detail is null || ErrorCode().Match(detail) is not { Success: true } m)
        {
            return null;
        }
        var source = m.Groups["source"].Value;
        var number = int.Parse(m.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (source, number) switch
        {
            ("UP" or "CAR", >= 410 and <= 412) => $"{m.Value}: the number is invalid or cannot receive texts",
            (_, 413) => $"{m.Value}: the recipient blocks texts from us at the carrier",
            _ => null,
        };
    }

    [GeneratedRegex(@"\bSMS-(?<source>RC|UP|CAR)-(?<number>\d{3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorCode();
}
