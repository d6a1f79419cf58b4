using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HibachiAdmin.Infrastructure.Data;

/// <summary>Values read back from the database are marked UTC so they serialize with a Z.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
