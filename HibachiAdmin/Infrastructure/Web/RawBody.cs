namespace HibachiAdmin.Infrastructure.Web;

/// <summary>
/// A signed webhook's body as the provider sent it (the signature is computed over these bytes, so nothing may be
/// decoded or re-encoded first), within the API's size limit.
/// </summary>
public static class RawBody
{
    /// <summary>The bytes; or, for a body over <see cref="ApiConventions.MaxRequestBodyBytes"/> (declared or as it
    /// streams in), the 413 problem to answer instead.</summary>
    public static async Task<(byte[]? Body, IResult? TooLarge)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ApiConventions.MaxRequestBodyBytes)
        {
            return (null, TooLargeProblem());
        }
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            return (buffer.ToArray(), null);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLargeProblem());
        }
    }

    private static IResult TooLargeProblem() => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");
}
