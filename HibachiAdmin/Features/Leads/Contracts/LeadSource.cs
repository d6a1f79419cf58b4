using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Features.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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
