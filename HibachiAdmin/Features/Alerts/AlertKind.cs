using System.ComponentModel;

namespace HibachiAdmin.Features.Alerts;

/// <summary>What an alert is about; each person picks which kinds reach them on which channel.</summary>
public enum AlertKind
{
    NewLead = 1,
    [Description("Message waiting")]
    MessageWaiting = 2,
    MissedCall = 3,
    [Description("1–2★ review")]
    LowReview = 4,
}
