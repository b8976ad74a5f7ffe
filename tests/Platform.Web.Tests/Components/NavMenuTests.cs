using Bunit;
using Platform.Accounts;
using Platform.Web.Components.Layout;

namespace Platform.Tests.Components;

public sealed class NavMenuTests : BunitTest
{
    [Theory]
    [InlineData(Roles.Admin, new[] { "Home", "Users", "Inference servers", "Background jobs" })]
    [InlineData(Roles.Researcher, new[] { "Home", "Studies", "Generation", "Captions" })]
    [InlineData(Roles.Annotator, new[] { "Home", "Captions" })]
    [InlineData(Roles.Reviewer, new[] { "Home", "Reviews" })]
    public void Each_role_sees_its_own_sections(string role, string[] expected)
    {
        Context.AddAuthorization().SetAuthorized("someone").SetRoles(role);

        var menu = Context.Render<NavMenu>();

        menu.FindAll("a").Select(a => a.TextContent.Trim()).Should().Equal(expected);
    }

    [Fact]
    public void Someone_with_several_roles_sees_all_their_sections()
    {
        Context.AddAuthorization().SetAuthorized("someone").SetRoles(Roles.Researcher, Roles.Reviewer);

        var menu = Context.Render<NavMenu>();

        menu.FindAll("a").Select(a => a.GetAttribute("href")).Should().Equal("", "studies", "generation", "captions", "reviews");
    }
}
