using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.Google;

/// <summary>A Google API error with its words (shown to staff).</summary>
public sealed class GoogleApiException(string message) : Exception(message);
