namespace HibachiAdmin.Features.QrCodes;

public sealed record DayCount(DateOnly Day, long Scans, long UniqueVisitors);
