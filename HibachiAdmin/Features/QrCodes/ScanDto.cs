using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Bookings;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>A scan as the API and CSV export show it.</summary>
public sealed record ScanDto(Guid Id, Guid QrCodeId, DateTime At, ScanChannel Channel, DeviceType Device, string Os, string Browser, bool IsBot, bool IsNewVisitor,
    string? Country, string? Region, string? City, double? Latitude, double? Longitude, string? Referer, string? AnonymizedIp);
