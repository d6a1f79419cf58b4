using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Infrastructure.Data;

public enum DbProvider
{
    Sqlite,
    Postgres,
}
