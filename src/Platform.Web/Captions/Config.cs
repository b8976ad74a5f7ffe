using JasperFx.Events.Projections;
using Marten;
using Platform.Captions;

namespace Platform.Web.Captions;

public static class Config
{
    public static IServiceCollection AddCaptions(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Projections.Snapshot<SyntheticVideo>(SnapshotLifecycle.Inline);
            options.Schema.For<SyntheticVideo>().UniqueIndex(v => v.Sha256);
            options.Schema.For<CaptionSettings>().Identity(s => s.Id);
            options.Schema.For<FolderImport>();
        });
        services.AddSingleton<CaptionSettingsStore>();
        services.AddSingleton<SyntheticImports>();
        services.AddSingleton<CaptionDesk>();
        services.AddSingleton<CaptionEditing>();
        services.AddSingleton<CaptionReview>();
        services.AddSingleton<CatalogSearch>();
        services.AddSingleton<CaptionQueues>();
        services.AddSingleton<AnnotatorReport>();
        services.AddSingleton<CaptionExport>();
        services.AddTransient<ImportFolder>();
        return services;
    }
}
