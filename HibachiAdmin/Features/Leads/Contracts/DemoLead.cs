using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A demo lead as later seeds (bookings, calls) see it, so they can join to it.</summary>
/// <param name="CreatedAt">When the lead came in: its booking is requested after it (attribution counts bookings made after the lead).</param>
public sealed record DemoLead(Guid Id, Guid ContactId, LeadSource Source, LeadStatus Status, DateOnly? EventDate, int Guests, string Zip, string Location, string Occasion,
    DateTime CreatedAt, Guid? QrCodeId = null, Guid? CampaignId = null);
