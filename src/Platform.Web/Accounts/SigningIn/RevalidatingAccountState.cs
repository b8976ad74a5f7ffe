using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Platform.Web.Accounts;

/// <summary>Ends an open Blazor circuit's sign-in within a minute of it being revoked (or its account disabled).</summary>
internal sealed class RevalidatingAccountState(ILoggerFactory loggerFactory, SignIns signIns)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = await signIns.CheckAsync(authenticationState.User.SignIn(), cancellationToken);
        return user is not null && user.Id == authenticationState.User.UserId();
    }
}
