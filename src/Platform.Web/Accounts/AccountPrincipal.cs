using System.Security.Claims;
using Platform.Accounts;

namespace Platform.Web.Accounts;

public static class AccountPrincipal
{
    /// <param name="signIn">The secret of the sign-in this principal rides on; checked again on every request.</param>
    public static ClaimsPrincipal For(UserAccount user, string authenticationType, string signIn)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(SignIns.SecretClaim, signIn),
            .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r.ToString())),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType));
    }

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The secret of the request's sign-in (its bearer token, or the value inside its cookie).</summary>
    public static string? SignIn(this ClaimsPrincipal principal) => principal.FindFirstValue(SignIns.SecretClaim);

    public static Guid RequiredUserId(this ClaimsPrincipal principal) =>
        principal.UserId() ?? throw new InvalidOperationException("The request has no signed-in user.");
}
