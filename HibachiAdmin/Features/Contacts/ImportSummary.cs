using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

using HibachiAdmin.Common;

namespace HibachiAdmin.Features.Contacts;

public sealed record ImportSummary(int Created, int Updated, IReadOnlyList<ImportRejection> Rejected, IReadOnlyList<ImportRowResult> Rows)
{
    public int RejectedCount => Rejected.Count;
}
