using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

public sealed record DayCount(DateOnly Day, long Scans, long UniqueVisitors);
