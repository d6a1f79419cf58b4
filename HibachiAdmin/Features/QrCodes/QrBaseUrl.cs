namespace HibachiAdmin.Features.QrCodes;

/// <summary>The base URL printed into codes: <c>Qr:PublicBaseUrl</c>, else the request's own scheme and host.</summary>
public static class QrBaseUrl
{
    public static string For(IConfiguration configuration, HttpRequest request) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

    public static string For(IConfiguration configuration, string appBaseUri) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : appBaseUri.TrimEnd('/');
}
