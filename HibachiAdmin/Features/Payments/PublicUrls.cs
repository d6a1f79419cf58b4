namespace HibachiAdmin.Features.Payments;

/// <summary>The base URL of customer links: <c>Qr:PublicBaseUrl</c> (the app's public address), else the request's own.</summary>
public static class PublicUrls
{
    public static string Base(HttpRequest request, IConfiguration configuration) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');

    public static string Base(string appBaseUri, IConfiguration configuration) =>
        configuration["Qr:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : appBaseUri.TrimEnd('/');
}
