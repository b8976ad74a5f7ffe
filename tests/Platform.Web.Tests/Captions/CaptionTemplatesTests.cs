using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Accounts;
using Platform.Captions;
using Platform.Testing;
using Platform.Web.Captions;

namespace Platform.Tests.Captions;

/// <summary>The project's caption templates and the per-annotator figures; a host of their own, as they change project state.</summary>
[Collection(PlatformHost.Name)]
public sealed class CaptionTemplatesTests(PlatformFixture fixture)
{
    [Fact]
    public async Task Edited_templates_and_special_tags_compose_the_drafts_of_later_imports_and_bad_ones_are_refused_whole()
    {
        var researcher = await fixture.ResearcherAsync();
        var templates = (await researcher.GetFromJsonAsync<CaptionTemplates>("/api/captions/templates", ApiClient.Json))!;

        var bad = await researcher.PutAsJsonAsync("/api/captions/templates", templates with { Spin = "the camera {sped} circles {subject}" }, ApiClient.Json);
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Should().Contain(e => e.GetString()!.Contains("sped"));

        try
        {
            (await researcher.PutAsJsonAsync("/api/captions/templates", templates with { Spin = "the camera {speed} circles {subject}", SpecialTags = ["<cgi>"] }, ApiClient.Json))
                .StatusCode.Should().Be(HttpStatusCode.NoContent);
            var video = await researcher.ImportedAsync(hue: 320);

            video.Text.Should().StartWith("<cgi>").And.Contain("circles").And.NotContain("orbits");
            video.SpecialTags.Should().Equal("<cgi>");
        }
        finally
        {
            // The host is shared: other tests' imports expect the default templates.
            (await researcher.PutAsJsonAsync("/api/captions/templates", templates, ApiClient.Json)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        }
    }

    [Fact]
    public async Task Researchers_see_each_annotators_acceptance_rate_and_throughput()
    {
        var researcher = await fixture.ResearcherAsync();
        var annotator = await fixture.Factory.UserAsync("ann", Role.Annotator);
        var reviewer = await fixture.Factory.UserAsync("rev", Role.Reviewer);
        foreach (var (hue, accept) in new[] { (321, true), (322, false) })
        {
            var video = await researcher.ImportedAsync(hue);
            (await annotator.SaveCaptionAsync(video.VideoId, $"A breakdancer, take {hue}.", video.Version)).EnsureSuccessStatusCode();
            (await annotator.CaptionStepAsync(video.VideoId, "submit")).EnsureSuccessStatusCode();
            (await reviewer.CaptionStepAsync(video.VideoId, accept ? "accept" : "reject", accept ? null : new RejectionRequest("Name the moves."))).EnsureSuccessStatusCode();
        }

        var rows = (await researcher.GetFromJsonAsync<List<AnnotatorView>>("/api/captions/annotators", ApiClient.Json))!;

        var row = rows.Single(r => r.Name.StartsWith("ann.", StringComparison.Ordinal));
        (row.Submitted, row.Accepted, row.Rejected, row.SubmittedLastWeek, row.AcceptanceRate.Rate).Should().Be((2, 1, 1, 2, 0.5));
        (await annotator.GetAsync("/api/captions/annotators")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
