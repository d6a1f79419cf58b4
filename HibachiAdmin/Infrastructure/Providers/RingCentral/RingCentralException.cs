using System.Net;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>A RingCentral API error with its stable code (branch on <see cref="ErrorCode"/>, never on the message).</summary>
public sealed class RingCentralException(HttpStatusCode status, string? errorCode, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;
}
