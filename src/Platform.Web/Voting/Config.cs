using JasperFx.Events.Projections;
using Marten;
using Platform.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Voting;

public static class Config
{
    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Snapshot<ParticipantSession>(SnapshotLifecycle.Inline);
            options.Schema.For<ParticipantSession>()
                .UniqueIndex(s => s.Token)
                .UniqueIndex("participant_per_study", s => s.StudyId, s => s.ParticipantId);
            options.Storage.ExtendedSchemaObjects.Add(SlotLedger.Definition(options.DatabaseSchemaName));
        });
        services.AddMemoryCache();
        services.AddSingleton<StudyPlans>();
        services.AddSingleton<TrialLoads>();
        services.AddSingleton<StudyGoals>();
        services.AddHostedService<GoalSweep>();
        services.AddSingleton<TrialClaims>();
        services.AddSingleton<ParticipantSessions>();
        services.AddSingleton<NextTrials>();
        services.AddSingleton<JudgmentRecorder>();
        services.AddSingleton<SessionReturns>();
        services.AddSingleton<SessionStarts>();
        services.AddSingleton<StudyPreviews>();
        return services;
    }
}
