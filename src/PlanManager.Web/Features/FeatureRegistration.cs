using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Photos;
using PlanManager.Web.Features.Workshop;
using PlanManager.Web.Features.Repairers;
using PlanManager.Web.Features.ThirdParties;

namespace PlanManager.Web.Features;

/// <summary>The use cases of every feature, one line each.</summary>
public static class FeatureRegistration
{
    public static IServiceCollection AddPlanManagerFeatures(this IServiceCollection services)
    {
        services.AddScoped<SaveRepairer>();
        services.AddScoped<SaveThirdParty>();
        services.AddScoped<DeleteThirdParty>();
        services.AddScoped<JobList>();
        services.AddScoped<SaveJob>();
        services.AddScoped<JobScreen>();
        services.AddScoped<Administration.SaveConnectorSetting>();
        services.AddScoped<JobPhotos>();
        services.AddScoped<UploadPhotos>();
        services.AddScoped<DeletePhoto>();
        services.AddScoped<VehiclesInside>();
        services.AddScoped<MarkVehiclesOffSite>();
        services.AddScoped<Caps.CapsSyncScheduler>();
        services.AddScoped<Caps.CapsSyncRelay>();
        services.AddScoped<Caps.CapsSyncStatus>();
        services.AddScoped<JobQueue.ImportQueueOffers>();
        services.AddScoped<JobQueue.QueueList>();
        services.AddScoped<JobQueue.DecideQueueItem>();
        services.AddOptions<Caps.CapsSyncOptions>().BindConfiguration(Caps.CapsSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
