using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PricingApi.Http;
using PricingApi.Security;

namespace PricingApi.ApiKeys;

/// <summary>
/// Authenticates the <c>X-Api-Key</c> header against the stored key hashes, and answers 401/403 as problem+json.
/// A request without the header is anonymous, which the public routes allow.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IProblemDetailsService problems,
    FailedKeyThrottle throttle,
    ApiKeyCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || !ApiKeySecrets.TryParse(values[0]!, out var keyId, out var secret))
        {
            return Failed("The X-Api-Key header is not a key this service issued.");
        }

        // The database is asked only on a cache miss, and the context is resolved only then: building one for
        // every anonymous request (the public fee list) was the largest cost on that path.
        var key = await cache.FindAsync(keyId, Context.RequestServices, Context.RequestAborted);
        // The secret is hashed and compared even for an unknown key id, so both failures take the same time.
        var matches = ApiKeySecrets.Matches(secret, key?.SecretHash ?? UnknownKeyHash);
        if (key is null || key.RevokedAt is not null || !matches)
        {
            // Never log the key itself: only that a check failed.
            return Failed("The X-Api-Key is unknown or revoked.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, key.Role),
            new(KeyIdClaim, key.KeyId),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    private static readonly byte[] UnknownKeyHash = new byte[32];
    private static readonly object ThrottledItem = new();

    private AuthenticateResult Failed(string reason)
    {
        // On a public route the request goes on as anonymous: the failure counts against nobody.
        if (FailedKeyThrottle.NeedsKey(Context.GetEndpoint()) && throttle.RecordFailure(RateLimits.ClientAddress(Context)) is { } wait)
        {
            Context.Items[ThrottledItem] = wait;
        }

        return AuthenticateResult.Fail(reason);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (Context.Items[ThrottledItem] is TimeSpan wait)
        {
            await RateLimits.WriteTooManyAsync(Context, wait, ApiKeyMessages.TooManyFailures.En);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var detail = result.Failure?.Message ?? $"This route needs an {HeaderName} header with a valid key.";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Authentication required.", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role) ?? "none";
        return WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed for this role.",
            $"A key with the role '{role}' may not use this route.");
    }

    private Task WriteProblemAsync(int status, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
}
