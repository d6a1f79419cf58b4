using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>A RingCentral API error with its stable code (branch on <see cref="ErrorCode"/>, never on the message).</summary>
public sealed class RingCentralException(HttpStatusCode status, string? errorCode, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
    public string? ErrorCode { get; } = errorCode;
}
