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

/// <summary>The demo's QR codes in the order they were made, with the ones the story's customers scanned.</summary>
public sealed record DemoQrCodes(IReadOnlyList<Guid> All, Guid HallTable, Guid Flyer);

/// <summary>A campaign the demo sent: when, and to whom it went (opted-in people only).</summary>
public sealed record DemoCampaignSend(Guid CampaignId, DateTime SentAt, IReadOnlySet<Guid> Texted);
