using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Data.Inbox.Email;

public static class EmailServices
{
    /// <summary>Gmail/SMTP sending (EmailSending itself is registered in DomainServices), inbound filing, sync and account settings. Options come from the <c>Gmail</c> section
    /// when the container has a configuration (a test registers its own <see cref="GmailOptions"/> afterwards).</summary>
    public static IServiceCollection AddCrmEmail(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(GmailClient), c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => GmailOptions.From(sp.GetService<IConfiguration>()));
        services.AddSingleton<GmailClient>();
        services.AddSingleton<GmailAccess>();
        services.AddSingleton<SmtpDelivery>();
        services.AddSingleton<EmailInbound>();
        services.AddSingleton<EmailSync>();
        services.AddSingleton<EmailAccountService>();
        return services;
    }
}
