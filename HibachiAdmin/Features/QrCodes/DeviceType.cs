namespace HibachiAdmin.Features.QrCodes;

public enum DeviceType
{
    Unknown,
    Mobile,
    Tablet,
    Desktop,
    Bot,
}
