using System.Text.Json.Nodes;
using HibachiAdmin.Infrastructure.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace HibachiAdmin.Infrastructure.Web;

/// <summary>The JSON body type of an endpoint that reads its body itself (docs and the fuzz suite).</summary>
public sealed record DocumentedBody(Type Type);
