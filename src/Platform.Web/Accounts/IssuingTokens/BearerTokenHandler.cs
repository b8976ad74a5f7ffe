using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer plat_…</c> against the stored token hashes and the live account.</summary>
public sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDocumentStore store,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var token = header["Bearer ".Length..].Trim();
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<ApiToken>(ApiToken.HashOf(token), Context.RequestAborted);
        if (stored is null || stored.ExpiresAt <= clock.GetUtcNow())
            return AuthenticateResult.Fail("The token is unknown or has expired.");
        var user = await session.LoadAsync<UserAccount>(stored.UserId, Context.RequestAborted);
        if (user is null || user.Disabled)
            return AuthenticateResult.Fail("The account of this token is disabled.");
        return AuthenticateResult.Success(new AuthenticationTicket(AccountPrincipal.For(user, SchemeName), SchemeName));
    }
}
