using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Features.Bookings;

public enum ScheduledKind
{
    Reminder,
    ReviewRequest,
}
