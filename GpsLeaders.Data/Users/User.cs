using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Tasks;

namespace GpsLeaders.Data.Users;

/// <summary>A login account / actor in the CRM. Table <c>users</c>.</summary>
public class User : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string Email { get; set; } = null!;
    public string PasswordHash { get; set; } = null!;
    public string FirstName { get; set; } = null!;
    public string LastName { get; set; } = null!;
    public UserRole Role { get; set; } = UserRole.OPERATOR;
    public string? Phone { get; set; }
    public bool IsActive { get; set; } = true;
    public string? InvitedById { get; set; }
    public DateTime? InvitedAt { get; set; }
    public DateTime? LastLoginAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public User? InvitedBy { get; set; }
    public ICollection<User> Invitees { get; set; } = new List<User>();
    public ICollection<Company> AssignedCompanies { get; set; } = new List<Company>();
    public ICollection<Note> Notes { get; set; } = new List<Note>();
    public ICollection<TaskItem> Tasks { get; set; } = new List<TaskItem>();
    public ICollection<Activity> Activities { get; set; } = new List<Activity>();
    public ICollection<EmailAccount> EmailAccounts { get; set; } = new List<EmailAccount>();
    public ICollection<SmsGateway> SmsGateways { get; set; } = new List<SmsGateway>();
    public ICollection<Conversation> Conversations { get; set; } = new List<Conversation>();
    public ICollection<MessageTemplate> MessageTemplates { get; set; } = new List<MessageTemplate>();
}
