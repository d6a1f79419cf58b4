using System.ComponentModel;
using HibachiAdmin.Features.Bookings.Contracts;

namespace HibachiAdmin.Features.Calendar;

/// <summary>What a party's colour says on the calendar (the legend's words). Paid in full is a confirmed or requested party whose money is all in.</summary>
public enum PartyState
{
    Requested,
    Confirmed,
    [Description("Paid in full")]
    PaidInFull,
    [Description("Done")]
    Done,
    Cancelled,
}
