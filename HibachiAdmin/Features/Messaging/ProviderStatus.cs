using HibachiAdmin.Features.Messaging.Contracts;
using HibachiAdmin.Features.Contacts.Contracts;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Messaging;

/// <summary>A status a provider reported for one of our texts, found by the provider's message id.</summary>
public sealed record ProviderStatus(string ProviderMessageId, string ProviderState, string? ErrorCode);
