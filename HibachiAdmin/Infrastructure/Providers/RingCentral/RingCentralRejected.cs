using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>A recipient High Volume refused at once (<c>rejected[]</c> of the batch answer; <see cref="Index"/> is 1-based).</summary>
public sealed record RingCentralRejected(int Index, string To, string? ErrorCode, string? Description);
