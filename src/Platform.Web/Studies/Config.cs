using JasperFx.Events.Projections;
using Marten;
using Platform.Voting;

namespace Platform.Studies;

public static class Config
{
    public static IServiceCollection AddStudies(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Snapshot<Study>(SnapshotLifecycle.Inline);
            options.Projections.Snapshot<CandidateVideo>(SnapshotLifecycle.Inline);
            options.Schema.For<CandidateVideo>().Index(v => v.StudyId);
            options.Schema.For<MediaFile>();
            options.Schema.For<VideoProgress>();
            options.Schema.For<TrialSlot>().Index(s => s.StudyId).Index(s => s.TrialId);
        });
        services.AddSingleton<StudyCatalog>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<VideoUploads>();
        services.AddTransient<ProcessVideo>();
        services.AddSingleton<Instructions>();
        services.AddSingleton<VideoSummaries>();
        return services;
    }

    public static IServiceCollection AddVoting(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Snapshot<ParticipantSession>(SnapshotLifecycle.Inline);
            options.Schema.For<ParticipantSession>()
                .UniqueIndex(s => s.Token)
                .UniqueIndex("participant_per_study", s => s.StudyId, s => s.ParticipantId);
        });
        services.AddSingleton<ParticipantSessions>();
        return services;
    }
}
