using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;

namespace GpsLeaders.Data.Contacts;

/// <summary>A person associated with a business — the human you actually email, call, or text. Table <c>contacts</c>.</summary>
public class Contact : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? CompanyId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? FullName { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? EmailNormalized { get; set; }
    public string? EmailStatus { get; set; }
    public DateTime? EmailVerifiedAt { get; set; }
    public string? Phone { get; set; }
    public string? PhoneE164 { get; set; }
    public string? PhoneType { get; set; }
    public DateTime? PhoneVerifiedAt { get; set; }
    public bool IsSmsEligible { get; set; }
    public string? Timezone { get; set; }
    public string? LinkedinUrl { get; set; }
    public string? Source { get; set; }
    public string? PlusvibeLeadId { get; set; }
    public string? Notes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Company? Company { get; set; }
    public ICollection<Lead> Leads { get; set; } = new List<Lead>();
    public ICollection<Activity> Activities { get; set; } = new List<Activity>();
    public ICollection<SmsMessage> SmsMessages { get; set; } = new List<SmsMessage>();
    public ICollection<CallLog> CallLogs { get; set; } = new List<CallLog>();
    public ICollection<Conversation> Conversations { get; set; } = new List<Conversation>();
    public ICollection<Booking> Bookings { get; set; } = new List<Booking>();
}
