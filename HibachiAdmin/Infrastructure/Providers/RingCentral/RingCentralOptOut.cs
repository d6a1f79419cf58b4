using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using System.Globalization;
using System.Text.Json;

namespace HibachiAdmin.Infrastructure.Providers.RingCentral;

/// <summary>One pair on RingCentral's opt-out list: <paramref name="OptedOut"/> false means opted back in.</summary>
public sealed record RingCentralOptOut(string From, string To, bool OptedOut, string? Source);
