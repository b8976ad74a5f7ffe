using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Web.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer plat_…</c> against its stored sign-in and the live account.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignIns signIns)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var token = header["Bearer ".Length..].Trim();
        return await signIns.CheckAsync(token, Context.RequestAborted) is { } user
            ? AuthenticateResult.Success(new AuthenticationTicket(AccountPrincipal.For(user, SchemeName, token), SchemeName))
            : AuthenticateResult.Fail("The token is unknown, expired or revoked, or its account is disabled.");
    }
}
