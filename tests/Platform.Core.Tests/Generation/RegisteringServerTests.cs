using Platform.Common;
using Platform.Generation;
using Platform.Tests.Studies;

namespace Platform.Tests.Generation;

public class RegisteringServerTests
{
    [Fact]
    public void A_server_is_registered_with_its_settings_trimmed()
    {
        var registered = RegisteringServer.Handle(new RegisterServer(Guid.NewGuid(), Servers.OpenAi() with { Name = " gpu-1 " }, "ciphertext", Guid.NewGuid()), A.Now);

        registered.Settings.Should().BeEquivalentTo(new { Name = "gpu-1", BaseUrl = "http://gpu-1.lab:8000", MaxConcurrentJobs = 2 });
        registered.ProtectedApiKey.Should().Be("ciphertext");
    }

    [Fact]
    public void Bad_settings_are_refused_with_every_problem_named()
    {
        var act = () => RegisteringServer.Validate(Servers.OpenAi() with
        {
            Name = "",
            BaseUrl = "ftp://nowhere",
            MaxConcurrentJobs = 0,
            Defaults = new GenerationSettings(SimDropScale: 2),
        });

        act.Should().Throw<DomainException>().WithMessage(
            "The server needs a name of 1 to 100 characters; a base URL that starts with http:// or https://; 1 to 64 concurrent jobs; defaults with a SimDrop scale between 0 and 1.");
    }

    [Fact]
    public void A_base_url_with_a_user_name_and_password_is_refused_because_researchers_see_it()
    {
        var act = () => RegisteringServer.Validate(Servers.OpenAi() with { BaseUrl = "http://admin:hunter2@gpu-1.lab:8000" });

        act.Should().Throw<DomainException>().WithMessage("*without a user name or password*API key field*");
    }

    [Fact]
    public void A_comfyui_server_needs_a_template_with_a_prompt_placeholder_that_is_json_once_filled()
    {
        RegisteringServer.Validate(Servers.ComfyUi()).WorkflowTemplate.Should().Contain("{{prompt}}");

        var none = () => RegisteringServer.Validate(Servers.ComfyUi() with { WorkflowTemplate = null });
        var noPrompt = () => RegisteringServer.Validate(Servers.ComfyUi("""{ "3": { "inputs": { "seed": {{seed}} } } }"""));
        var broken = () => RegisteringServer.Validate(Servers.ComfyUi("""{ "6": { "inputs": { "text": "{{prompt}}" } """));

        none.Should().Throw<DomainException>().WithMessage("*workflow template (API-format JSON)*");
        noPrompt.Should().Throw<DomainException>().WithMessage("*a {{prompt}} placeholder*");
        broken.Should().Throw<DomainException>().WithMessage("*valid JSON once filled in*");
    }

    [Fact]
    public void A_change_keeps_the_key_unless_a_new_one_is_given_and_a_retired_server_cannot_change()
    {
        var server = InferenceServer.Create(RegisteringServer.Handle(new RegisterServer(Guid.NewGuid(), Servers.OpenAi(), "old-key", Guid.NewGuid()), A.Now));

        server.Apply(RegisteringServer.Handle(server, new ChangeServer(server.Id, Servers.OpenAi("renamed"), null, Guid.NewGuid()), A.Now));
        server.ProtectedApiKey.Should().Be("old-key");
        server.Settings.Name.Should().Be("renamed");

        server.Apply(RegisteringServer.Retire(server, Guid.NewGuid(), A.Now));
        var change = () => RegisteringServer.Handle(server, new ChangeServer(server.Id, Servers.OpenAi(), null, Guid.NewGuid()), A.Now);
        change.Should().Throw<DomainException>().Which.Kind.Should().Be(DomainError.Conflict);
    }
}
