using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

public sealed record InquiryResult(InquiryOutcome Outcome, Guid? LeadId = null, Dictionary<string, string[]>? Errors = null);
