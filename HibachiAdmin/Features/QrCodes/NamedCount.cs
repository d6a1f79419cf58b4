namespace HibachiAdmin.Features.QrCodes;

public sealed record NamedCount(string Name, long Scans, long UniqueVisitors);
