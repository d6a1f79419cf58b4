using System.Globalization;
using System.Text.Json;
using HibachiAdmin.Common;
using HibachiAdmin.Features.Leads;
using HibachiAdmin.Infrastructure.Data;
using HibachiAdmin.Infrastructure.Events;
using HibachiAdmin.Infrastructure.Providers.Sms;
using Microsoft.EntityFrameworkCore;

namespace HibachiAdmin.Features.Calls;

public sealed record CallMissed(Guid CallId, Guid ContactId);
