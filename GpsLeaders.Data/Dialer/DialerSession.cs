using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>Why the dialer passed over a lead without showing it.</summary>
public enum SkipReason { Dnc, NoPhone, WrongNumber, CalledRecently, OutsideCallingHours, LeasedByAnotherRep }

public sealed record SkippedLead(string LeadId, int Index, SkipReason Reason, string Name);

/// <summary>Where the rep is on the list: the lead to call (leased to them) or the end, and what was skipped to get there.</summary>
public sealed record DialerStep(string ListId, string ListName, int Count, int Index, DialerLeadCard? Lead, IReadOnlyList<SkippedLead> Skipped)
{
    public bool EndOfList => Lead is null;
}

/// <summary>
/// A rep working through a call list: resume at their place, find the next lead that may be called (skipping DNC, no
/// phone, a phone flagged wrong, called within <c>dialer.recentCallMinutes</c>, outside calling hours on the contact's
/// clock, leased by another rep), lease it, and remember the place (<c>dialer.position.&lt;listId&gt;.&lt;userId&gt;</c>
/// = {"index","leadId"}, copied to <c>call_lists.position</c>). The lead id travels with the index so a refresh that
/// reorders the list still resumes at the same lead.
/// </summary>
public sealed class DialerSession(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock, Tags.IDispositionTagHook hook)
{
    const int Batch = 50;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web); // {"index":…,"leadId":…}

    public static string Label(SkipReason reason) => reason switch
    {
        SkipReason.Dnc => "Do not contact",
        SkipReason.NoPhone => "No phone",
        SkipReason.WrongNumber => "Wrong number",
        SkipReason.CalledRecently => "Called recently",
        SkipReason.OutsideCallingHours => "Outside calling hours",
        SkipReason.LeasedByAnotherRep => "Another rep has it",
        _ => reason.ToString(),
    };

    /// <summary>Opens the list where this rep stopped (a new rep starts at the list's last position).</summary>
    public async Task<DialerStep> ResumeAsync(string listId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await ListAsync(db, listId, ct);
        var start = list.Position;
        var saved = await db.Settings.AsNoTracking().Where(s => s.Key == CallListService.PositionKey(listId, userId)).Select(s => s.Value).FirstOrDefaultAsync(ct);
        if (saved is not null)
        {
            var place = ParsePlace(saved);
            start = place?.Index ?? 0;
            if (place?.LeadId is { } leadId && (start >= list.LeadIds.Count || list.LeadIds[start] != leadId))
                start = list.LeadIds.IndexOf(leadId) is var found and >= 0 ? found : start;
        }
        return await NextAsync(db, list, userId, Math.Clamp(start, 0, list.LeadIds.Count), ct);
    }

    /// <summary>The rep passes on the lead at <paramref name="index"/> without calling: its lease goes back, the next lead comes up.</summary>
    public async Task<DialerStep> SkipAsync(string listId, string userId, string leadId, int index, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await ListAsync(db, listId, ct);
        await LeadLease.ReleaseAsync(db, leadId, userId, ct);
        db.Record("dialer.skipped", $"Skipped in the dialer (list \"{list.Name}\").", new { listId, index }, userId: userId, leadId: leadId,
            occurredAt: clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await NextAsync(db, list, userId, index + 1, ct);
    }

    /// <summary>
    /// Save &amp; Next: the call and everything decided about it in one transaction (<see cref="DialerCallSaving"/>), then the
    /// next lead after <paramref name="index"/>. A validation failure writes nothing and leaves the rep on the same lead.
    /// </summary>
    public async Task<(Inbox.CallLog Call, DialerStep Next)> SaveAndNextAsync(string listId, string userId, string leadId, int index, DialerCall call,
        CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await ListAsync(db, listId, ct);
        Inbox.CallLog log;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            log = await DialerCallSaving.SaveAsync(db, hook, leadId, userId, call, clock.GetUtcNow().UtcDateTime, ct);
            await tx.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
        return (log, await NextAsync(db, list, userId, index + 1, ct));
    }

    /// <summary>After a save: the next lead from <paramref name="index"/> on (the save already released the lease).</summary>
    public async Task<DialerStep> NextAsync(string listId, string userId, int index, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await NextAsync(db, await ListAsync(db, listId, ct), userId, index, ct);
    }

    async Task<DialerStep> NextAsync(CrmDbContext db, Dialer.CallList list, string userId, int from, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = await DialerSettings.PolicyAsync(db, ct);
        var recentSince = DateTime.SpecifyKind(now.AddMinutes(-policy.RecentCallMinutes), DateTimeKind.Utc);
        var skipped = new List<SkippedLead>();
        await LeadLease.CleanExpiredAsync(db, now, ct);
        for (var at = from; at < list.LeadIds.Count; at += Batch)
        {
            var ids = list.LeadIds.Skip(at).Take(Batch).ToList();
            // One query for the whole batch: what the rules need, nothing more. A wrong-number flag counts while the
            // contact still has the number that was flagged (see WrongNumber).
            var facts = (await db.Database.SqlQuery<Facts>($"""
                SELECT l.id AS "Id", COALESCE(c.full_name, c.email, c.phone, '(no name)') AS "Name", l.is_dnc AS "IsDnc", COALESCE(c.phone_e164, NULLIF(btrim(c.phone), '')) AS "Phone", c.timezone AS "Timezone",
                       EXISTS (SELECT 1 FROM call_logs cl WHERE cl.lead_id = l.id AND cl.created_at >= ({recentSince} AT TIME ZONE 'UTC')) AS "CalledRecently",
                       EXISTS (SELECT 1 FROM activities a WHERE a.activity_type = {WrongNumber.ActivityType} AND a.contact_id = c.id
                               AND a.detail->>'phone' = COALESCE(c.phone_e164, c.phone)) AS "WrongNumber"
                FROM leads l JOIN contacts c ON c.id = l.contact_id
                WHERE l.id = ANY({ids.ToArray()})
                """).ToListAsync(ct)).ToDictionary(f => f.Id);
            for (var k = 0; k < ids.Count; k++)
            {
                if (!facts.TryGetValue(ids[k], out var lead)) continue; // deleted since the list was built
                var reason = Rule(lead, policy.Hours, now);
                if (reason is null)
                {
                    if (await LeadLease.TryTakeAsync(db, lead.Id, list.Id, userId, now, ct))
                    {
                        await SavePlaceAsync(db, list.Id, userId, at + k, lead.Id, now, ct);
                        return new DialerStep(list.Id, list.Name, list.LeadIds.Count, at + k, await DialerLeadCard.LoadAsync(db, lead.Id, ct), skipped);
                    }
                    reason = SkipReason.LeasedByAnotherRep;
                }
                skipped.Add(new SkippedLead(lead.Id, at + k, reason.Value, lead.Name));
            }
        }
        await SavePlaceAsync(db, list.Id, userId, list.LeadIds.Count, null, now, ct);
        return new DialerStep(list.Id, list.Name, list.LeadIds.Count, list.LeadIds.Count, null, skipped);
    }

    static SkipReason? Rule(Facts lead, CallingHours hours, DateTime now) =>
        lead.IsDnc ? SkipReason.Dnc
        : string.IsNullOrWhiteSpace(lead.Phone) ? SkipReason.NoPhone
        : lead.WrongNumber ? SkipReason.WrongNumber
        : lead.CalledRecently ? SkipReason.CalledRecently
        : !hours.ClockOf(lead.Timezone, lead.Phone, now).WithinHours ? SkipReason.OutsideCallingHours
        : null;

    /// <summary>The rep's place (their own key) and the list's last position, in one statement each.</summary>
    internal static async Task SavePlaceAsync(CrmDbContext db, string listId, string userId, int index, string? leadId, DateTime now, CancellationToken ct)
    {
        var value = PlaceJson(new Place(index, leadId));
        var stamp = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO settings AS s (id, key, value, updated_at)
            VALUES ({Guid.CreateVersion7().ToString()}, {CallListService.PositionKey(listId, userId)}, {value}::jsonb, ({stamp} AT TIME ZONE 'UTC')::timestamp(3))
            ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE call_lists SET position = {index}, updated_at = ({stamp} AT TIME ZONE 'UTC')::timestamp(3) WHERE id = {listId} AND position <> {index}
            """, ct);
    }

    static async Task<Dialer.CallList> ListAsync(CrmDbContext db, string listId, CancellationToken ct) =>
        await db.CallLists.AsNoTracking().FirstOrDefaultAsync(l => l.Id == listId, ct)
        ?? throw new ValidationFailedException("listId", "This call list no longer exists.");

    sealed record Facts(string Id, string Name, bool IsDnc, string? Phone, string? Timezone, bool CalledRecently, bool WrongNumber);

    /// <summary>A rep's place in a list: the index, and the lead there so a refresh that moved it can be followed.</summary>
    public sealed record Place(int Index, string? LeadId);

    /// <summary>The stored place: <c>{"index":…,"leadId":…}</c>, or a bare index as the first builds wrote it.</summary>
    public static Place? ParsePlace(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Number ? new Place(doc.RootElement.GetInt32(), null) : doc.RootElement.Deserialize<Place>(Json);
    }

    public static string PlaceJson(Place place) => JsonSerializer.Serialize(place, Json);
}
