using System.ComponentModel.DataAnnotations;
using HibachiAdmin.Common;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace HibachiAdmin.Infrastructure.Identity;

public static class AuthEndpoints
{
    public sealed record TokenRequest([property: Required, EmailAddress, StringLength(256)] string? Email, [property: Required, StringLength(1024)] string? Password);

    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueTokenAsync)
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithTags("Auth")
            .WithSummary("Exchange an email and password for a bearer token")
            .WithMetadata(new Web.DocumentedBody(typeof(TokenRequest)))
            .Produces<AccessTokenResponse>(200)
            .ProducesValidationProblem()
            .ProducesProblem(401)
            .ProducesProblem(415)
            .ProducesProblem(429);
        return app;
    }

    /// <summary>Password → bearer token for scripts. Failures count toward lockout like the sign-in page.</summary>
    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> IssueTokenAsync(
        HttpRequest http,
        SignInManager<ApplicationUser> signIn,
        UserManager<ApplicationUser> users,
        UnknownAccountLockout unknownAccounts,
        CancellationToken ct)
    {
        // Read the body here rather than by parameter binding: on an anonymous route a content-type
        // mismatch must be a 415 problem, and the routing-level 415 endpoint would demand sign-in.
        var (request, problem) = await JsonBody.ReadAsync<TokenRequest>(http, ct);
        if (problem is not null)
        {
            return problem;
        }
        var errors = Validation.Validate(request);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        // Unknown emails, locked and disabled accounts do the same hashing work and get the same
        // answers as real ones, so neither timing nor "locked" tells which emails have accounts.
        var user = await users.FindByEmailAsync(request!.Email!);
        if (user is null)
        {
            unknownAccounts.SpendHashingWork(request.Password!);
            return unknownAccounts.FailAndIsLocked(request.Email!) ? Locked() : Unauthorized();
        }
        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity answers these before checking the password.
            unknownAccounts.SpendHashingWork(request.Password!);
        }
        if (result.IsLockedOut)
        {
            return Locked();
        }
        if (!result.Succeeded)
        {
            return Unauthorized();
        }
        if (user.MustChangePassword)
        {
            return TypedResults.Problem(statusCode: 401, title: "Password change required",
                detail: "Sign in on the web and choose a new password first.");
        }

        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        // Writes {"tokenType":"Bearer","accessToken","expiresIn","refreshToken"}.
        await signIn.SignInAsync(user, isPersistent: false);
        return TypedResults.Empty;
    }

    private static ProblemHttpResult Locked() =>
        TypedResults.Problem(statusCode: 401, title: "Account locked",
            detail: "Too many failed sign-ins. The account is locked for a while; try again later or ask an admin.");

    private static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(statusCode: 401, title: "Invalid credentials", detail: "Email or password is wrong.");

    /// <summary>
    /// Bearer tokens are self-contained; re-check the security stamp on each API call so disabling a
    /// user or changing their roles ends their tokens as it ends their cookies.
    /// </summary>
    public static IApplicationBuilder UseBearerStampValidation(this IApplicationBuilder app) =>
        app.Use(async (ctx, next) =>
        {
            if (ctx.User.Identity is { IsAuthenticated: true }
                && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && !await IdentitySetup.IsStampCurrentAsync(ctx.User, ctx.RequestServices))
            {
                await Results.Problem(statusCode: 401, title: "Token revoked",
                    detail: "This token is no longer valid; request a new one.").ExecuteAsync(ctx);
                return;
            }
            await next(ctx);
        });
}
