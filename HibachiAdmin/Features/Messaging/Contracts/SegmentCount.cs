using HibachiAdmin.Features.Messaging;

namespace HibachiAdmin.Features.Messaging.Contracts;

/// <param name="Units">GSM-7 septets, or UTF-16 code units for UCS-2.</param>
public sealed record SegmentCount(SmsEncoding Encoding, int Characters, int Units, int Segments)
{
    public string EncodingName => Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2";
}
