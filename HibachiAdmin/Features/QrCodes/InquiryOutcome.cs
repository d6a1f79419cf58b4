using System.Text.RegularExpressions;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Contacts;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.QrCodes;

public enum InquiryOutcome
{
    Accepted,
    Invalid,
    /// <summary>The honeypot was filled: answered like a success, nothing stored.</summary>
    Discarded,
    NotFound,
    Gone,
}
