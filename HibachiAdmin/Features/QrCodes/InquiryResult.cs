namespace HibachiAdmin.Features.QrCodes;

public sealed record InquiryResult(InquiryOutcome Outcome, Guid? LeadId = null, Dictionary<string, string[]>? Errors = null);
