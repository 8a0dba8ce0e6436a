using GpsLeaders.Data.Notes;
using GpsLeaders.Data.Tags;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Invoicing;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Sequences;
using GpsLeaders.Data.Tasks;

namespace GpsLeaders.Data.Leads;

/// <summary>A pipeline-pursuit record — an active sales effort moving through stages. Table <c>leads</c>.</summary>
public class Lead : IHasCreatedAt, IHasUpdatedAt
{
    public string Id { get; set; } = Guid.CreateVersion7().ToString();
    public string? CompanyId { get; set; }
    public string ContactId { get; set; } = null!;
    public LeadStage Stage { get; set; } = LeadStage.NEW_LEAD;
    public string? Source { get; set; }
    public string? SourceCampaign { get; set; }
    public int? EstimatedUnits { get; set; }
    public decimal? EstimatedRevenue { get; set; }
    public string? LostReason { get; set; }
    public DateTime? WonAt { get; set; }
    public DateTime? LostAt { get; set; }
    public bool PlusvibePaused { get; set; }
    public bool PlusvibeStopped { get; set; }
    public bool IsDnc { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>PostgreSQL xmin, the optimistic concurrency token.</summary>
    public uint Version { get; set; }

    public Company? Company { get; set; }
    public Contact Contact { get; set; } = null!;
    public ICollection<Note> Notes { get; set; } = new List<Note>();
    public ICollection<LeadTag> Tags { get; set; } = new List<LeadTag>();
    public LeadScore? LeadScore { get; set; }
    public ICollection<TaskItem> Tasks { get; set; } = new List<TaskItem>();
    public ICollection<Activity> Activities { get; set; } = new List<Activity>();
    public ICollection<EmailThread> EmailThreads { get; set; } = new List<EmailThread>();
    public ICollection<SmsMessage> SmsMessages { get; set; } = new List<SmsMessage>();
    public ICollection<CallLog> CallLogs { get; set; } = new List<CallLog>();
    public ICollection<Conversation> Conversations { get; set; } = new List<Conversation>();
    public ICollection<Booking> Bookings { get; set; } = new List<Booking>();
    public ICollection<SequenceRun> SequenceRuns { get; set; } = new List<SequenceRun>();
    public ICollection<Invoice> Invoices { get; set; } = new List<Invoice>();
}
