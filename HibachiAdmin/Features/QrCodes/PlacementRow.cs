using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>One code's funnel: scans → leads → bookings → revenue (confirmed and completed bookings).</summary>
public sealed record PlacementRow(Guid QrCodeId, string Name, string Slug, QrCodeType Type, string Placement, long Scans, long UniqueVisitors, int Leads, int Bookings, decimal Revenue);
