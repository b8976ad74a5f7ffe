using Bunit;
using Platform.Accounts;
using Platform.Web.Components.Pages;

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

    [Theory]
    [InlineData(Roles.Admin, "Give your team accounts", "admin/users")]
    [InlineData(Roles.Annotator, "Refine captions", "captions")]
    [InlineData(Roles.Reviewer, "Review captions", "reviews")]
    public void Each_other_role_is_told_its_own_next_step(string role, string step, string href)
    {
        Context.AddAuthorization().SetAuthorized("Sam").SetRoles(role);

        var home = Context.Render<Home>();

        home.FindAll(".next-step h6").Select(h => h.TextContent).Should().Equal(step);
        home.Find(".next-step a").GetAttribute("href").Should().Be(href);
    }

    [Fact]
    public void Someone_with_several_roles_is_told_the_steps_of_each()
    {
        Context.AddAuthorization().SetAuthorized("Ada").SetRoles(Roles.Admin, Roles.Reviewer);

        var home = Context.Render<Home>();

        home.FindAll(".next-step h6").Select(h => h.TextContent).Should().Equal("Give your team accounts", "Review captions");
    }

    [Fact]
    public void Someone_without_a_role_is_told_to_ask_an_admin()
    {
        Context.AddAuthorization().SetAuthorized("Nobody");

        var home = Context.Render<Home>();

        home.Find("[data-testid=no-role]").TextContent.Should().Contain("Ask an admin");
    }
}
