using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.QrCodes;

public enum DeviceType
{
    Unknown,
    Mobile,
    Tablet,
    Desktop,
    Bot,
}
