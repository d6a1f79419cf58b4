namespace HibachiAdmin.Infrastructure.Web;

/// <summary>The JSON body type of an endpoint that reads its body itself (docs and the fuzz suite).</summary>
public sealed record DocumentedBody(Type Type);
