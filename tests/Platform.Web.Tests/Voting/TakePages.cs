using Bunit;
using Microsoft.AspNetCore.Components;
using Platform.Testing;
using Platform.Web.Studies;
using Platform.Web.Voting;
using Platform.Web.Voting.Taking;

namespace Platform.Tests.Voting;

/// <summary>The participant page rendered with bUnit over a running host's services, as opened from a study link.</summary>
public static class TakePages
{
    /// <param name="parameter">The link's query parameter carrying the id (PROLIFIC_PID or participant).</param>
    public static IRenderedComponent<TakeStudy> Render(BunitContext context, PlatformFactory factory, Guid studyId, string parameter, string value)
    {
        foreach (var service in new[] { typeof(NextTrials), typeof(JudgmentRecorder), typeof(SessionReturns), typeof(SessionStarts), typeof(StudyCatalog), typeof(Instructions) })
            context.Services.AddSingleton(service, factory.Services.GetRequiredService(service));
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter(parameter, value));
        return context.Render<TakeStudy>(p => p.Add(x => x.StudyId, studyId));
    }
}
