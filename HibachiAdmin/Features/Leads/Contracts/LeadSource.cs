using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

public enum LeadSource
{
    Instagram,
    Facebook,
    Sms,
    Phone,
    QrCode,
    Website,
    Referral,
    Campaign,
}
