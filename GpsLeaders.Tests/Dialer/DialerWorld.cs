using GpsLeaders.Data.Tags;
using System.Globalization;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Settings;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Dialer;

/// <summary>
/// A migrated database with three users and seven named leads that differ in one thing each
/// (stage, source, state, zone, score, last call, phone, DNC), for the call-list filters.
/// </summary>
internal sealed class DialerWorld
{
    public required Services Services { get; init; }
    public required ManualClock Clock { get; init; }
    public required string Admin { get; init; }
    public required string Rep1 { get; init; }
    public required string Rep2 { get; init; }
    public Dictionary<string, string> Lead { get; } = [];

    public CallListService Lists => Services.Get<CallListService>();

    public static async Task<DialerWorld> CreateAsync()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero));
        var services = new Services(await TestDatabases.CreateMigratedAsync(), clock);
        var accounts = services.Get<UserAccounts>();
        var admin = await accounts.CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        var rep1 = await accounts.CreateAdminAsync("rep1@example.com", "Rita", "Rep", "Long-enough-2");
        var rep2 = await accounts.CreateAdminAsync("rep2@example.com", "Ray", "Rep", "Long-enough-3");
        await using (var db = services.Db())
        {
            await db.Users.Where(u => u.Id != admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, UserRole.REP));
            db.Tags.AddRange(
                new Tag { Slug = "interested", Name = "Interested", Category = TagCategory.DISPOSITION },
                new Tag { Slug = "call-back", Name = "Call back", Category = TagCategory.DISPOSITION });
            await db.SaveChangesAsync();
        }
        var w = new DialerWorld { Services = services, Clock = clock, Admin = admin.Id, Rep1 = rep1.Id, Rep2 = rep2.Id };
        var now = clock.Now.UtcDateTime;
        await w.AddLeadAsync("tx-hot", LeadStage.HOT, "google_maps", "+15125550001", score: 150, state: "TX", zone: "America/Chicago", industry: "Towing", tag: "interested");
        await w.AddLeadAsync("ca-new", LeadStage.NEW_LEAD, "plusvibe", "+14155550002", score: 80, state: "CA", industry: "Towing", lastCall: now.AddDays(-10));
        await w.AddLeadAsync("ny-dnc", LeadStage.NEW_LEAD, "google_maps", "+12125550003", score: 120, state: "NY", dnc: true);
        await w.AddLeadAsync("no-phone", LeadStage.NEW_LEAD, "referral", null, score: null, state: "TX");
        await w.AddLeadAsync("co-recent-call", LeadStage.QUALIFIED, "google_maps", "+13035550005", score: 60, state: "CO", zone: "America/Denver",
            lastCall: now.AddDays(-1), tag: "call-back", tagRemoved: true);
        await w.AddLeadAsync("fl-old-call", LeadStage.QUALIFIED, "plusvibe", "+13055550006", score: 60, state: "FL", lastCall: now.AddDays(-30));
        await w.AddLeadAsync("ga-never", LeadStage.HOT, "referral", "+14045550007", score: 60, state: "GA");
        return w;
    }

    public async Task AddLeadAsync(string name, LeadStage stage, string source, string? phone, int? score, string state = "TX", string? zone = null,
        string? industry = null, string? tag = null, bool tagRemoved = false, DateTime? lastCall = null, bool dnc = false)
    {
        await using var db = Services.Db();
        var company = new Company { Name = name + " Fleet", NormalizedName = name + " fleet", Industry = industry };
        var contact = new Contact { CompanyId = company.Id, FirstName = name, Phone = phone, PhoneE164 = phone, Timezone = zone };
        var lead = new Lead { CompanyId = company.Id, ContactId = contact.Id, Stage = stage, Source = source, IsDnc = dnc };
        db.AddRange(company, contact, lead,
            new CompanyAddress { CompanyId = company.Id, Label = "HQ", Type = AddressType.BOTH, AddressLine1 = "1 Main St", City = "Town", State = state, Zip = "00001" });
        if (score is { } s) db.LeadScores.Add(new LeadScore { LeadId = lead.Id, QualityScore = s / 2, EngagementScore = s - s / 2 });
        if (tag is not null) db.LeadTags.Add(new LeadTag { LeadId = lead.Id, TagSlug = tag, RemovedAt = tagRemoved ? Clock.Now.UtcDateTime : null });
        if (lastCall is { } at)
            db.CallLogs.Add(new CallLog { LeadId = lead.Id, ContactId = contact.Id, Direction = MessageDirection.OUTBOUND, Outcome = CallOutcome.NO_ANSWER, CreatedAt = at });
        await db.SaveChangesAsync();
        Lead[name] = lead.Id;
    }

    public string[] Names(IEnumerable<string> leadIds)
    {
        var byId = Lead.ToDictionary(kv => kv.Value, kv => kv.Key);
        return leadIds.Select(id => byId.GetValueOrDefault(id, id)).ToArray();
    }

    public async Task SetPositionsAsync(string listId, params (string UserId, int Position)[] positions)
    {
        await using var db = Services.Db();
        foreach (var (user, at) in positions)
            db.Settings.Add(new Setting { Key = CallListService.PositionKey(listId, user), Value = at.ToString(CultureInfo.InvariantCulture) });
        await db.SaveChangesAsync();
    }

    public async Task<Dictionary<string, int>> PositionsAsync(string listId)
    {
        await using var db = Services.Db();
        var prefix = $"dialer.position.{listId}.";
        return (await db.Settings.Where(s => s.Key.StartsWith(prefix)).ToListAsync())
            .ToDictionary(s => s.Key[prefix.Length..], s => GpsLeaders.Data.Dialer.DialerSession.ParsePlace(s.Value)!.Index);
    }
}
