using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Platform.Accounts;

/// <summary>Ends an open Blazor circuit's sign-in within a minute of the account being disabled.</summary>
internal sealed class RevalidatingAccountState(ILoggerFactory loggerFactory, UserAccounts accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.UserId() is not { } id) return false;
        var user = await accounts.FindAsync(id, cancellationToken);
        return user is { Disabled: false };
    }
}
