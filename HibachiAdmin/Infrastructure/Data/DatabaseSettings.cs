using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HibachiAdmin.Infrastructure.Data;

public sealed record DatabaseSettings(DbProvider Provider);
