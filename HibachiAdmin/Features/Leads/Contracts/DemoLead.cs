using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

/// <summary>A demo lead as later seeds (bookings, calls) see it, so they can join to it.</summary>
public sealed record DemoLead(Guid Id, Guid ContactId, LeadSource Source, LeadStatus Status, DateOnly? EventDate, int Guests, string Zip, string Location, string Occasion);
