using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HibachiAdmin.Infrastructure.Data;

public enum DbProvider
{
    Sqlite,
    Postgres,
}
