using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox.Email;
using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Tasks;
using GpsLeaders.Data.Taxonomy;
using GpsLeaders.Data.Timeline;
using GpsLeaders.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Data.Platform;

/// <summary>
/// Every use-case service, registered the same way for the web app and for the service-level tests.
/// Services are singletons: each call creates its own DbContext from the factory (one use case, one transaction).
/// </summary>
public static class DomainServices
{
    public static IServiceCollection AddCrmDomainServices(this IServiceCollection services)
    {
        services.AddSingleton<SignInService>();
        services.AddSingleton<UserAccounts>();
        services.AddSingleton<UserSessions>();
        services.AddSingleton(SessionLifetime.Default);
        services.AddSingleton<CompanyService>();
        services.AddSingleton<CompanyAddressService>();
        services.AddSingleton<CompanyMerge>();
        services.AddSingleton<CompanyQueries>();
        services.AddSingleton<ContactService>();
        services.AddSingleton<ContactQueries>();
        services.AddSingleton<GpsLeaders.Data.Settings.SavedViews>();
        services.AddSingleton<GpsLeaders.Data.Settings.ThemePreference>();
        services.AddSingleton<GpsLeaders.Data.Leads.LeadService>();
        services.AddSingleton<GpsLeaders.Data.Leads.PipelineSettings>();
        services.AddSingleton<GpsLeaders.Data.Leads.LeadQueries>();
        services.AddSingleton<GpsLeaders.Data.Leads.LeadBulkActions>();
        services.AddSingleton<GpsLeaders.Data.Dashboard.DashboardFigures>();
        services.AddSingleton<NoteService>();
        services.AddSingleton<NoteQueries>();
        services.AddSingleton<TaskService>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<Timelines>();
        services.AddSingleton<TaxonomyService>();
        services.AddCrmTagsAndScores();
        services.AddSingleton<Import.ImportService>();
        services.AddLogging();
        services.AddDataProtection();
        services.AddSingleton<SecretBox>();
        services.AddSingleton<Inbox.Email.EmailSending>();
        services.AddHttpClient(Inbox.Sms.SmsGatewayClient.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddSingleton<Inbox.Sms.SmsGatewayService>();
        services.AddSingleton<Inbox.Sms.SmsGatewayClient>();
        services.AddSingleton<Inbox.Sms.SmsSending>();
        services.AddSingleton<Inbox.Sms.SmsWebhookHandling>();
        services.AddSingleton<Inbox.Sms.SmsGatewayTest>();
        services.AddSingleton<Inbox.InboxQueries>();
        services.AddSingleton<Inbox.ConversationActions>();
        services.AddSingleton<Inbox.CallLogging>();
        services.AddSingleton<Inbox.Bookings.CalcomSettings>();
        services.AddSingleton<Inbox.Bookings.BookingService>();
        services.AddSingleton<Inbox.Bookings.BookingQueries>();
        services.AddSingleton<Inbox.Templates.MessageTemplateService>();
        services.AddCrmEmail();
        // Call lists
        services.AddSingleton<Dialer.CallListService>();
        services.AddSingleton(new Dialer.VoicemailAudioFolder(Path.Combine(Path.GetTempPath(), "gpsleaders-voicemail")));
        services.AddSingleton<Dialer.VoicemailDropService>();
        services.AddSingleton<Dialer.Leaderboard>();
        // Dialer
        services.AddSingleton<Dialer.DialerSettings>();
        services.AddSingleton<Dialer.LeadLease>();
        services.AddSingleton<Dialer.DialerSession>();
        services.AddSingleton<Dialer.DialerStats>();
        services.AddSingleton<Dialer.ICallProvider, Dialer.TelLinkCallProvider>();
        return services;
    }
}
