using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using HibachiAdmin.Features.Messaging.Contracts;
using Microsoft.Extensions.Options;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

public sealed record RingCentralSmsResult(string Id, string MessageStatus);
