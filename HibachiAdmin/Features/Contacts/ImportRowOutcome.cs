using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Contacts;

public enum ImportRowOutcome
{
    Create,
    Update,
    Reject,
}
