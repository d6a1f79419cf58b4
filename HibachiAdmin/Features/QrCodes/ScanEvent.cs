using System.Net;
using System.Threading.Channels;

namespace HibachiAdmin.Features.QrCodes;

/// <summary>A scan as the redirect saw it. The raw address lives only in memory, until the writer anonymises it.</summary>
/// <param name="NewCookie">The visitor cookie was issued by this redirect: a new visitor without a lookup.</param>
public sealed record ScanEvent(Guid QrCodeId, DateTime At, ScanChannel Channel, IPAddress? Address, Guid VisitorId, string? UserAgent, string? Referer, GeoInfo? HeaderGeo,
    bool NewCookie = false);
