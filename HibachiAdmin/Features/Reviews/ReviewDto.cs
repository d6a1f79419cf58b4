using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Reviews;

public sealed record ReviewDto(
    Guid Id,
    ReviewPlatform Platform,
    string ReviewerName,
    int Rating,
    string? Text,
    string? Url,
    DateTime CreatedAt,
    string? Reply,
    DateTime? ReplyUpdatedAt,
    ReplyState ReplyState,
    string? ReplyError,
    string? ApprovedBy,
    int ReplyVersion,
    Guid? ContactId,
    Guid? BookingId)
{
    public bool NeedsApproval => Rating <= ReviewService.ApprovalAtOrBelow;
}
