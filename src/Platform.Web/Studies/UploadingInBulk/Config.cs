using Marten;

namespace Platform.Web.Studies;

public static class BulkUploadsConfig
{
    public static IServiceCollection AddBulkUploads(this IServiceCollection services)
    {
        services.ConfigureMarten(options => options.Schema.For<VideoFolderImport>().Index(i => i.StudyId));
        services.AddSingleton<BulkUploads>();
        services.AddTransient<ImportVideoFolder>();
        return services;
    }
}
