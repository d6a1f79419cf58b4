using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Bookings;

public sealed record CommandResult(BookingRow? Booking, string? Invalid = null, string? Conflict = null, bool NotFound = false, string? Field = null);
