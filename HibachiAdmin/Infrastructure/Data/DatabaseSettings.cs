using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

public sealed record DatabaseSettings(DbProvider Provider);
