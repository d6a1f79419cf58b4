using HibachiAdmin.Features.Inbox.Contracts;
using HibachiAdmin.Features.Leads.Contracts;

namespace HibachiAdmin.Features.Dashboard;

/// <summary>Everything Home shows, computed for one moment in the business's time zone.</summary>
public sealed record WeekAtAGlance(
    DateOnly Today,
    WeekParties ThisWeek,
    WeekParties NextWeek,
    DateOnly Month,
    decimal RevenueBooked,
    int RevenueParties,
    int WithoutDeposit,
    decimal BalanceDue,
    InboxPulse Inbox,
    int MissedCallsToday,
    LeadIntake NewLeads,
    LeadIntake Funnel,
    IReadOnlyList<ChefDay> ChefLoad,
    int ChefsPerDay);
