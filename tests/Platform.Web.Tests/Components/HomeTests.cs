using Bunit;
using Platform.Accounts;
using Platform.Components.Pages;

namespace Platform.Tests.Components;

public sealed class HomeTests : BunitTest
{
    [Fact]
    public void A_researcher_is_told_to_design_a_study_and_generate_videos()
    {
        Context.AddAuthorization().SetAuthorized("Rita").SetRoles(Roles.Researcher);

        var home = Context.Render<Home>();

        home.Find("h1").TextContent.Should().Contain("Rita");
        home.FindAll(".next-step h6").Select(h => h.TextContent).Should().Equal("Design a user study", "Generate candidate videos");
    }

    [Fact]
    public void Someone_without_a_role_is_told_to_ask_an_admin()
    {
        Context.AddAuthorization().SetAuthorized("Nobody");

        var home = Context.Render<Home>();

        home.Find("[data-testid=no-role]").TextContent.Should().Contain("Ask an admin");
    }
}
