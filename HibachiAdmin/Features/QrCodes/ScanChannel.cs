namespace HibachiAdmin.Features.QrCodes;

/// <summary>How a scan reached <c>/q/{slug}</c>: the printed code carries a marker, a shared copy of the link does not.</summary>
public enum ScanChannel
{
    Printed,
    Link,
}
