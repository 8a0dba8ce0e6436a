using System.Text.Json;
using System.Text.Json.Serialization;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>
/// Which leads a call list holds. Empty lists mean "any"; several values in one list mean "any of them".
/// Stored as the list's <c>filter_criteria</c> JSON, so a refresh re-runs the same question.
/// </summary>
public sealed record CallListFilter
{
    public List<LeadStage> Stages { get; init; } = [];
    /// <summary>Leads carrying at least one of these tags (active applications only).</summary>
    public List<string> TagSlugs { get; init; } = [];
    public List<string> Sources { get; init; } = [];
    /// <summary>Two-letter states of any of the company's addresses.</summary>
    public List<string> States { get; init; } = [];
    /// <summary>IANA zones of the contact (<c>contacts.timezone</c>, else the phone's area code).</summary>
    public List<string> TimeZones { get; init; } = [];
    /// <summary>Bounds on quality + engagement score (0–200); a lead with no score row counts as 0.</summary>
    public int? MinScore { get; init; }
    public int? MaxScore { get; init; }
    /// <summary>Leads with no call logged at or after this instant (UTC).</summary>
    public DateTime? LastContactedBefore { get; init; }
    public bool HasPhone { get; init; }
    public bool ExcludeDnc { get; init; } = true;
    /// <summary>One of the acting user's companies saved views (<c>views.companies.&lt;userId&gt;</c>): leads of the companies it shows.</summary>
    public string? SavedViewName { get; init; }
    /// <summary>The saved view's definition as it was when the list was built (filled by the service; a refresh uses it, so deleting the view does not break the list).</summary>
    public CompanyFilter? SavedView { get; init; }

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CallListFilter FromJson(string? json) =>
        string.IsNullOrWhiteSpace(json) ? new CallListFilter() : JsonSerializer.Deserialize<CallListFilter>(json, Json) ?? new CallListFilter();

    /// <summary>The matching leads, as one composable query (every condition translates to SQL).</summary>
    internal IQueryable<Lead> Apply(CrmDbContext db)
    {
        IQueryable<Lead> leads = db.Leads.AsNoTracking();
        if (Stages.Count > 0) { var stages = Stages; leads = leads.Where(l => stages.Contains(l.Stage)); }
        if (TagSlugs.Count > 0) { var tags = TagSlugs; leads = leads.Where(l => l.Tags.Any(t => t.RemovedAt == null && tags.Contains(t.TagSlug))); }
        if (Sources.Count > 0) { var sources = Sources; leads = leads.Where(l => l.Source != null && sources.Contains(l.Source)); }
        if (States.Count > 0)
        {
            var states = States.Select(s => s.Trim().ToUpperInvariant()).ToList();
            leads = leads.Where(l => l.CompanyId != null && db.CompanyAddresses.Any(a => a.CompanyId == l.CompanyId && states.Contains(a.State)));
        }
        if (TimeZones.Count > 0)
        {
            // A contact without an explicit zone is in the zone of its area code (as the contact page shows it).
            var zones = TimeZones;
            var codes = AreaCodeTimeZones.All.Values.Where(a => zones.Contains(a.TimeZone)).Select(a => a.AreaCode).ToList();
            leads = leads.Where(l => zones.Contains(l.Contact.Timezone!)
                || (l.Contact.Timezone == null && l.Contact.PhoneE164 != null && codes.Contains(l.Contact.PhoneE164.Substring(2, 3))));
        }
        if (MinScore is { } min) leads = leads.Where(l => (l.LeadScore == null ? 0 : l.LeadScore.QualityScore + l.LeadScore.EngagementScore) >= min);
        if (MaxScore is { } max) leads = leads.Where(l => (l.LeadScore == null ? 0 : l.LeadScore.QualityScore + l.LeadScore.EngagementScore) <= max);
        if (LastContactedBefore is { } before)
        {
            var at = DateTime.SpecifyKind(before, DateTimeKind.Utc);
            leads = leads.Where(l => !db.CallLogs.Any(c => c.LeadId == l.Id && c.CreatedAt >= at));
        }
        if (HasPhone) leads = leads.Where(l => l.Contact.PhoneE164 != null || (l.Contact.Phone != null && l.Contact.Phone != ""));
        if (ExcludeDnc) leads = leads.Where(l => !l.IsDnc);
        if (SavedView is { } view)
        {
            var companyIds = CompanyGrid.Apply(db.Companies.AsNoTracking(), view).Select(c => c.Id);
            leads = leads.Where(l => l.CompanyId != null && companyIds.Contains(l.CompanyId));
        }
        return leads;
    }

    /// <summary>Who to call first: the best score, then whoever waited longest since their last call (never called first).</summary>
    internal static IQueryable<string> Ordered(CrmDbContext db, IQueryable<Lead> leads)
    {
        // One grouped pass over call_logs, hash-joined, rather than a correlated MAX per matching lead.
        var lastCalls = db.CallLogs.Where(c => c.LeadId != null).GroupBy(c => c.LeadId!).Select(g => new { LeadId = g.Key, At = g.Max(c => c.CreatedAt) });
        return (from l in leads
                join lc in lastCalls on l.Id equals lc.LeadId into calls
                from lc in calls.DefaultIfEmpty()
                select new
                {
                    l.Id,
                    Score = l.LeadScore == null ? 0 : l.LeadScore.QualityScore + l.LeadScore.EngagementScore,
                    LastCall = (DateTime?)lc!.At,
                })
            .OrderByDescending(x => x.Score).ThenBy(x => x.LastCall != null).ThenBy(x => x.LastCall).ThenBy(x => x.Id)
            .Select(x => x.Id);
    }
}
