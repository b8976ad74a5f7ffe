using JasperFx.Events.Projections;
using Marten;
using Platform.Studies;

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
        services.AddSingleton<StudyGoalViews>();
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
}
