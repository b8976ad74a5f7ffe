using JasperFx.Events.Projections;
using Marten;
using Platform.Studies;
using Platform.Voting;
using Platform.Web.Voting;
using Platform.Web.Voting.Slots;

namespace Platform.Web.Studies;

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
            options.Schema.For<ProcessedUpload>();
        });
        services.AddSingleton<StudyCatalog>();
        services.AddSingleton<StudyGuard>();
        services.AddSingleton<StudySharing>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<ProcessedUploads>();
        services.AddSingleton<VideoTools>();
        services.AddSingleton<VideoUploads>();
        services.AddTransient<ProcessVideo>();
        services.AddSingleton<Instructions>();
        services.AddSingleton<VideoSummaries>();
        services.AddBulkUploads();
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
            options.Storage.ExtendedSchemaObjects.Add(SlotLedger.Definition(options.DatabaseSchemaName));
        });
        services.AddMemoryCache();
        services.AddSingleton<StudyPlans>();
        services.AddSingleton<TrialLoads>();
        services.AddSingleton<TrialClaims>();
        services.AddSingleton<ParticipantSessions>();
        services.AddSingleton<SessionStarts>();
        services.AddSingleton<StudyPreviews>();
        return services;
    }
}
