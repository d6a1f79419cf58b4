using HibachiAdmin.Infrastructure.Data;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>What the demo seed of Leads hands to later seeds (bookings are made for its leads), and what earlier seeds hand to it.</summary>
public static class LeadsDemoData
{
    /// <summary>Key of the <see cref="DemoLead"/> list in the seed context's items.</summary>
    public const string LeadsKey = "leads";

    /// <summary>Key of the <see cref="DemoQrCodes"/> the QR seed made (it runs first): QR-sourced leads name their code.</summary>
    public const string QrCodesKey = "qr-codes";

    /// <summary>Key of the <see cref="DemoCampaignSend"/> of the finished demo campaign: leads that came from its link name it.</summary>
    public const string CampaignKey = "campaign-send";

    /// <summary>Front-desk staff the demo history is signed by: seeded user accounts (<see cref="DemoStaff"/>).</summary>
    public static readonly string[] Staff = DemoStaff.FrontDesk;
}
