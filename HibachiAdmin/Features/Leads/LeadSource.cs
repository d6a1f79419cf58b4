using HibachiAdmin.Features.Contacts.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Leads;

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
