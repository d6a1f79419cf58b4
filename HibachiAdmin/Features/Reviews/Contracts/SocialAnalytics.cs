using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Reviews;

namespace HibachiAdmin.Features.Reviews.Contracts;

public sealed record SocialAnalytics(
    DateTime From,
    DateTime To,
    IReadOnlyDictionary<string, int> MessagesByPlatform,
    IReadOnlyList<DayVolume> Days,
    double? MedianFirstResponseMinutes,
    double ResponseRate,
    int OpenBacklog,
    DateTime? OldestWaitingSince,
    double? RatingAverage,
    int ReviewCount,
    double ReplyShare,
    IReadOnlyList<RatingWeek> RatingTrend);
