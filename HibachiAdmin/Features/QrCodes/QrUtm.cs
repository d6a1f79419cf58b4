namespace HibachiAdmin.Features.QrCodes;

public sealed record QrUtm(string Source, string Medium, string? Campaign, string? Content);
