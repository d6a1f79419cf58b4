namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>What the demo seed of Leads hands to later seeds (bookings are made for its leads).</summary>
public static class LeadsDemoData
{
    /// <summary>Key of the <see cref="DemoLead"/> list in the seed context's items.</summary>
    public const string LeadsKey = "leads";

    public static readonly string[] Staff = ["maria.lopez@hibachi.local", "kenji.tanaka@hibachi.local", "dana.reyes@hibachi.local"];
}
