using HibachiAdmin.Features.Leads.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

/// <summary>
/// One message that came in about a lead from outside the staff: an inquiry form's message, a text, a
/// missed call. Kept apart from the staff's <see cref="Lead.Notes"/>: the inquiry form is anonymous, so
/// anyone who knows a customer's number can send as many as the rate limit allows, and nothing they send
/// may shorten or replace what staff wrote. Bounded on its own: <see cref="MaxText"/> characters a
/// message, the newest <see cref="MaxPerLead"/> messages a lead.
/// </summary>
public sealed class LeadInquiry
{
    public const int MaxText = 2000;
    public const int MaxPerLead = 50;

    public long Id { get; set; }
    public Guid LeadId { get; set; }
    public LeadSource Source { get; set; }
    public string Text { get; set; } = "";
    public DateTime At { get; set; }
}
