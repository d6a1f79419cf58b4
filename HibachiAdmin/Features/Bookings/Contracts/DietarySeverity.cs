using System.ComponentModel;

namespace HibachiAdmin.Features.Bookings.Contracts;

/// <summary>How serious a dietary need is, mildest first: the sheet lists the most serious first.</summary>
public enum DietarySeverity
{
    Preference,
    Intolerance,
    Allergy,
    [Description("Anaphylaxis (life-threatening)")]
    Anaphylaxis,
}
