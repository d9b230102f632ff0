using PlanManager.Web.Features.Jobs;
using PlanManager.Web.Features.Photos;
using PlanManager.Web.Features.Progress;
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
        services.AddScoped<RepairerPages>();
        services.AddScoped<ThirdPartyPages>();
        services.AddScoped<Administration.AdministrationOverview>();
        services.AddScoped<Administration.ConnectorsPage>();
        services.AddScoped<Account.SignInUser>();
        services.AddScoped<Account.SignOutUser>();
        services.AddSingleton<Infrastructure.RateLimiting.ClientRateLimiter>();
        services.AddScoped<SaveThirdParty>();
        services.AddScoped<DeleteThirdParty>();
        services.AddScoped<JobList>();
        services.AddScoped<SaveJob>();
        services.AddScoped<MarkJobOffSite>();
        services.AddScoped<JobScreen>();
        services.AddScoped<Administration.SaveConnectorSetting>();
        services.AddScoped<JobPhotos>();
        services.AddScoped<UploadPhotos>();
        services.AddScoped<DeletePhoto>();
        services.AddScoped<MarkPortalPhotosSeen>();
        services.AddScoped<OpenJob>();
        services.AddScoped<ThirdParties.PlatformParties>();
        services.AddScoped<VehiclesInside>();
        services.AddScoped<Dashboard.DashboardFigures>();
        services.AddScoped<Dashboard.ReportFigures>();
        services.AddScoped<Dashboard.JobExport>();
        services.AddScoped<MarkVehiclesOffSite>();
        services.AddScoped<Planning.PlannedJobs>();
        services.AddScoped<Planning.PlanningBoard>();
        services.AddScoped<Planning.PlanningOverview>();
        services.AddScoped<Planning.PlanningCapacity>();
        services.AddScoped<Planning.JobPlanPage>();
        services.AddScoped<Planning.PlanJob>();
        services.AddScoped<Planning.PlanHours>();
        services.AddScoped<TimeRegistration.KioskSession>();
        services.AddScoped<TimeRegistration.KioskCode>();
        services.AddScoped<TimeRegistration.Kiosks>();
        services.AddScoped<TimeRegistration.TabletPages>();
        services.AddScoped<TimeRegistration.Clocking>();
        services.AddScoped<TimeRegistration.Technicians>();
        services.AddScoped<TimeRegistration.Timesheets>();
        services.AddScoped<TimeRegistration.JobHours>();
        services.AddScoped<TimeRegistration.CorrectClockLine>();
        services.AddScoped<TimeRegistration.CloseOpenClocks>();
        services.AddOptions<Portal.PortalOptions>().BindConfiguration(Portal.PortalOptions.Section).ValidateOnStart();
        services.AddScoped<Portal.PortalLookupLimiter>();
        services.AddScoped<Portal.PortalPostLimitFilter>();
        services.AddScoped<Portal.PortalEnabledFilter>();
        services.AddScoped<Portal.PortalPages>();
        services.AddScoped<Portal.PortalLookup>();
        services.AddScoped<Portal.PortalTicket>();
        services.AddScoped<Portal.AppointmentSlots>();
        services.AddScoped<Portal.BookAppointment>();
        services.AddScoped<Portal.AddPortalPhotos>();
        services.AddScoped<Appointments.AppointmentsPage>();
        services.AddScoped<Appointments.ChangeAppointment>();
        services.AddScoped<Claims360.SaveClaims360Setup>();
        services.AddScoped<Claims360.CheckClaims360Keys>();
        services.AddScoped<Claims360.Claims360Page>();
        services.AddScoped<Claims360.DecideClaims360Item>();
        services.AddScoped<Claims360.ImportClaims360>();
        services.AddScoped<Claims360.Claims360Jobs>();
        services.AddScoped<Claims360.Claims360OnJob>();
        services.AddSingleton<Infrastructure.Connectors.ImportLocks>();
        services.AddScoped<Infrastructure.Connectors.PlatformImport>();
        services.AddScoped<Claims360.Claims360PhotoTransfers>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Caps.CapsSyncNotice>();
        services.AddScoped<Caps.CapsSyncRelay>();
        services.AddScoped<Caps.CapsSyncStatus>();
        services.AddScoped<Informex.ImportInformex>();
        services.AddOptions<Progress.ProgressOptions>().BindConfiguration(Progress.ProgressOptions.Section);
        services.AddScoped<Progress.BackgroundWorks>();
        services.AddScoped<Progress.ProgressPage>();
        services.AddScoped<Progress.BackgroundWorkRunner>();
        services.AddBackgroundWork<Claims360.RefreshClaims360>();
        services.AddBackgroundWork<Informex.ImportInformexNow>();
        services.AddBackgroundWork<Workshop.MarkVehiclesOffSiteWork>();
        services.AddScoped<Informex.InformexOnJob>();
        services.AddScoped<Informex.InformexPages>();
        services.AddScoped<JobQueue.ImportQueueOffers>();
        services.AddScoped<JobQueue.QueueList>();
        services.AddScoped<JobQueue.DecideQueueItem>();
        services.AddOptions<Messages.MailOptions>().BindConfiguration(Messages.MailOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Mail:Smtp:Port must be between 1 and 65535.").ValidateOnStart();
        services.AddScoped<Messages.CustomerMessages>();
        services.AddScoped<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, Messages.MailOutboxNotice>();
        services.AddScoped<Messages.MailSender>();
        services.AddScoped<Messages.MailOutboxRelay>();
        services.AddScoped<Messages.MessagesPage>();
        services.AddScoped<Messages.SaveMailTemplate>();
        services.AddScoped<Messages.SendJobMessage>();
        services.AddOptions<Caps.CapsSyncOptions>().BindConfiguration(Caps.CapsSyncOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
