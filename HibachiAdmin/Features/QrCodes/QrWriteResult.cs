namespace HibachiAdmin.Features.QrCodes;

public sealed record QrWriteResult(QrCode? Code, Dictionary<string, string[]>? Errors = null, bool NotFound = false);
