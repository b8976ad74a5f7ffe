using System.Security.Claims;
using Platform.Accounts;
using Platform.Studies;
using Platform.Web.Accounts;

namespace Platform.Web.Studies;

public static class Actors
{
    /// <summary>The signed-in account as <see cref="StudyAccess"/> sees it.</summary>
    public static Actor Actor(this ClaimsPrincipal user) => new(user.RequiredUserId(), user.IsInRole(Roles.Admin));
}
