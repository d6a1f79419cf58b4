using HibachiAdmin.Features.Leads;

namespace HibachiAdmin.Features.Leads.Contracts;

public enum LeadSource
{
    Instagram,
    Facebook,
    [System.ComponentModel.Description("SMS")]
    Sms,
    Phone,
    [System.ComponentModel.Description("QR code")]
    QrCode,
    Website,
    Referral,
    Campaign,
}
