using HibachiAdmin.Features.Inbox;
using HibachiAdmin.Features.Reviews;

namespace HibachiAdmin.Features.Reviews.Contracts;

public sealed record RatingWeek(DateOnly WeekStart, double Average, int Count);
