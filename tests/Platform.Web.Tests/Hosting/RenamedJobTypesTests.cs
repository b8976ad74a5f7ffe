using Platform.Web.Generation.Running;
using Platform.Web.Hosting;

namespace Platform.Tests.Hosting;

public class RenamedJobTypesTests
{
    [Fact]
    public void A_job_scheduled_under_the_old_namespace_finds_its_type_under_the_new_one() =>
        RenamedJobTypes.Resolve("Platform.Generation.Running.RunGenerationJob, Platform.Web").Should().Be<RunGenerationJob>();

    [Fact]
    public void A_current_name_resolves_as_it_is() =>
        RenamedJobTypes.Resolve("Platform.Web.Generation.Running.RunGenerationJob, Platform.Web").Should().Be<RunGenerationJob>();

    [Fact]
    public void A_name_that_never_existed_still_fails()
    {
        var resolving = () => RenamedJobTypes.Resolve("Platform.Nowhere.NoSuchJob, Platform.Web");
        resolving.Should().Throw<Exception>();
    }
}
