using System.Text.Json;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HibachiAdmin.Infrastructure.Events;

public sealed record EventMetadata(string? UserName, Guid CorrelationId, Guid? CausationId = null);
