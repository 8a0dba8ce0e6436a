using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Dialer;

/// <summary>Why the dialer passed over a lead without showing it.</summary>
public enum SkipReason { Dnc, NoPhone, WrongNumber, CalledRecently, OutsideCallingHours, LeasedByAnotherRep }

public sealed record SkippedLead(string LeadId, int Index, SkipReason Reason, string Name);

/// <summary>
/// Where the rep is on the list: the lead to call (leased to them) or the end, and what was skipped to get there. At the
/// end, <paramref name="Waiting"/> leads were passed over for a reason that lapses and come back when it does (the
/// earliest at <paramref name="NextCallableAtUtc"/>, when that can be told).
/// </summary>
public sealed record DialerStep(string ListId, string ListName, int Count, int Index, DialerLeadCard? Lead, IReadOnlyList<SkippedLead> Skipped,
    int Waiting = 0, DateTime? NextCallableAtUtc = null)
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

    /// <summary>Reasons that pass by themselves: such a lead waits on the list instead of being used up.</summary>
    public static bool Lapses(SkipReason reason) => reason is SkipReason.CalledRecently or SkipReason.OutsideCallingHours or SkipReason.LeasedByAnotherRep;

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
        var place = await PlaceAsync(db, listId, userId, ct);
        if (place is not null)
        {
            start = place.Index;
            // Past the end the lead id is a waiting lead offered again, not the walk's place.
            if (place.LeadId is { } leadId && start < list.LeadIds.Count && list.LeadIds[start] != leadId)
                start = list.LeadIds.IndexOf(leadId) is var found and >= 0 ? found : start;
        }
        return await NextAsync(db, list, userId, Math.Clamp(start, 0, list.LeadIds.Count), place?.Deferred ?? [], ct);
    }

    /// <summary>The rep starts the list again from its first lead; nothing waits any more (the walk finds what still must).</summary>
    public async Task<DialerStep> RestartAsync(string listId, string userId, string? currentLeadId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var list = await ListAsync(db, listId, ct);
        if (currentLeadId is not null) await LeadLease.ReleaseAsync(db, currentLeadId, userId, ct);
        db.Record("dialer.restarted", $"Restarted the call list \"{list.Name}\" from the top.", new { listId }, userId: userId,
            occurredAt: clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await NextAsync(db, list, userId, 0, [], ct);
    }

    /// <summary>Where the walk goes on after the rep is done with <paramref name="leadId"/> (shown at <paramref name="index"/>), and who still waits.</summary>
    static async Task<(int From, List<string> Deferred)> AfterAsync(CrmDbContext db, string listId, string userId, string leadId, int index, CancellationToken ct)
    {
        var place = await PlaceAsync(db, listId, userId, ct);
        var deferred = (place?.Deferred ?? []).Where(id => id != leadId).ToList();
        // A waiting lead offered again after the walk ended: the walk stays where it was (the end).
        var from = place is { LeadId: var shown } && shown == leadId && place.Index != index ? place.Index : index + 1;
        return (from, deferred);
    }

    static async Task<Place?> PlaceAsync(CrmDbContext db, string listId, string userId, CancellationToken ct)
    {
        var saved = await db.Settings.AsNoTracking().Where(s => s.Key == CallListService.PositionKey(listId, userId)).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return saved is null ? null : ParsePlace(saved);
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
        var (from, deferred) = await AfterAsync(db, listId, userId, leadId, index, ct);
        return await NextAsync(db, list, userId, from, deferred, ct);
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
        var (from, deferred) = await AfterAsync(db, listId, userId, leadId, index, ct);
        return (log, await NextAsync(db, list, userId, from, deferred, ct));
    }

    /// <summary>After a save: the next lead from <paramref name="index"/> on (the save already released the lease).</summary>
    public async Task<DialerStep> NextAsync(string listId, string userId, int index, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var place = await PlaceAsync(db, listId, userId, ct);
        return await NextAsync(db, await ListAsync(db, listId, ct), userId, index, place?.Deferred ?? [], ct);
    }

    /// <summary>
    /// The walk from <paramref name="from"/>: the first lead that may be called now is leased and shown. A lead passed over
    /// for a reason that lapses joins <paramref name="deferredIn"/> (kept with the rep's place); once the walk reaches the
    /// end, those are offered again, in list order, as soon as their reason has passed.
    /// </summary>
    async Task<DialerStep> NextAsync(CrmDbContext db, Dialer.CallList list, string userId, int from, IReadOnlyList<string> deferredIn, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var policy = await DialerSettings.PolicyAsync(db, ct);
        var skipped = new List<SkippedLead>();
        var deferred = deferredIn.Distinct().ToList();
        var seen = new HashSet<string>();
        var until = new Dictionary<string, DateTime?>(); // when each waiting lead seen in this walk may be called
        await LeadLease.CleanExpiredAsync(db, now, ct);
        for (var at = from; at < list.LeadIds.Count; at += Batch)
        {
            var ids = list.LeadIds.Skip(at).Take(Batch).ToList();
            var facts = await FactsAsync(db, ids, policy, now, ct);
            for (var k = 0; k < ids.Count; k++)
            {
                if (!facts.TryGetValue(ids[k], out var lead)) continue; // deleted since the list was built
                seen.Add(lead.Id);
                var reason = await OfferAsync(db, list, userId, lead, policy, now, ct);
                if (reason is null)
                {
                    deferred.Remove(lead.Id);
                    await SavePlaceAsync(db, list.Id, userId, new Place(at + k, lead.Id, deferred), now, ct);
                    return new DialerStep(list.Id, list.Name, list.LeadIds.Count, at + k, await DialerLeadCard.LoadAsync(db, lead.Id, ct), skipped);
                }
                skipped.Add(new SkippedLead(lead.Id, at + k, reason.Value, lead.Name));
                if (Lapses(reason.Value))
                {
                    if (!deferred.Contains(lead.Id)) deferred.Add(lead.Id);
                    until[lead.Id] = Until(lead, reason.Value, policy, now);
                }
                else deferred.Remove(lead.Id);
            }
        }

        // The walk is at the end: the waiting leads, in list order, each offered as soon as it may be called.
        var order = new Dictionary<string, int>(list.LeadIds.Count);
        for (var i = 0; i < list.LeadIds.Count; i++) order.TryAdd(list.LeadIds[i], i);
        deferred = deferred.Where(order.ContainsKey).OrderBy(id => order[id]).ToList();
        var recheck = deferred.Where(id => !seen.Contains(id)).ToList();
        for (var at = 0; at < recheck.Count; at += Batch)
        {
            var ids = recheck.Skip(at).Take(Batch).ToList();
            var facts = await FactsAsync(db, ids, policy, now, ct);
            foreach (var id in ids)
            {
                if (!facts.TryGetValue(id, out var lead)) { deferred.Remove(id); continue; }
                var reason = await OfferAsync(db, list, userId, lead, policy, now, ct);
                if (reason is null)
                {
                    deferred.Remove(id);
                    await SavePlaceAsync(db, list.Id, userId, new Place(list.LeadIds.Count, id, deferred), now, ct);
                    return new DialerStep(list.Id, list.Name, list.LeadIds.Count, order[id], await DialerLeadCard.LoadAsync(db, id, ct), skipped);
                }
                if (Lapses(reason.Value)) until[id] = Until(lead, reason.Value, policy, now);
                else deferred.Remove(id);
            }
        }
        await SavePlaceAsync(db, list.Id, userId, new Place(list.LeadIds.Count, null, deferred), now, ct);
        var next = deferred.Select(id => until.GetValueOrDefault(id)).Where(t => t is not null).Min();
        return new DialerStep(list.Id, list.Name, list.LeadIds.Count, list.LeadIds.Count, null, skipped, deferred.Count, next);
    }

    /// <summary>Null when the lead may be called and is now leased to the rep; else why not.</summary>
    static async Task<SkipReason?> OfferAsync(CrmDbContext db, Dialer.CallList list, string userId, Facts lead, DialerPolicy policy, DateTime now, CancellationToken ct)
    {
        var reason = Rule(lead, policy.Hours, now);
        if (reason is not null) return reason;
        return await LeadLease.TryTakeAsync(db, lead.Id, list.Id, userId, now, ct) ? null : SkipReason.LeasedByAnotherRep;
    }

    /// <summary>When a lead passed over for <paramref name="reason"/> may be called: the latest of the reasons that hold; null when unknown.</summary>
    static DateTime? Until(Facts lead, SkipReason reason, DialerPolicy policy, DateTime now)
    {
        DateTime? when = null;
        if (lead.CalledRecently && lead.LastCallAt is { } last) when = Later(when, DateTime.SpecifyKind(last, DateTimeKind.Utc).AddMinutes(policy.RecentCallMinutes));
        if (reason == SkipReason.OutsideCallingHours || !policy.Hours.ClockOf(lead.Timezone, lead.Phone, now).WithinHours)
            when = Later(when, policy.Hours.NextOpeningUtc(lead.Timezone, lead.Phone, now));
        if (reason == SkipReason.LeasedByAnotherRep && DateTime.TryParse(lead.LeaseUntil, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var lease))
            when = Later(when, lease);
        return when;
    }

    static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>
    /// One query for a batch: what the rules need, nothing more. A wrong-number flag counts while the contact still has the
    /// number that was flagged (see WrongNumber).
    /// </summary>
    static async Task<Dictionary<string, Facts>> FactsAsync(CrmDbContext db, List<string> ids, DialerPolicy policy, DateTime now, CancellationToken ct)
    {
        var recentSince = DateTime.SpecifyKind(now.AddMinutes(-policy.RecentCallMinutes), DateTimeKind.Utc);
        return (await db.Database.SqlQuery<Facts>($"""
            SELECT l.id AS "Id", COALESCE(c.full_name, c.email, c.phone, '(no name)') AS "Name", l.is_dnc AS "IsDnc", COALESCE(c.phone_e164, NULLIF(btrim(c.phone), '')) AS "Phone", c.timezone AS "Timezone",
                   EXISTS (SELECT 1 FROM call_logs cl WHERE cl.lead_id = l.id AND cl.created_at >= ({recentSince} AT TIME ZONE 'UTC')) AS "CalledRecently",
                   (SELECT max(cl.created_at) FROM call_logs cl WHERE cl.lead_id = l.id) AS "LastCallAt",
                   EXISTS (SELECT 1 FROM activities a WHERE a.activity_type = {WrongNumber.ActivityType} AND a.contact_id = c.id
                           AND a.detail->>'phone' = COALESCE(c.phone_e164, c.phone)) AS "WrongNumber",
                   (SELECT s.value->>'until' FROM settings s WHERE s.key = {LeadLease.KeyPrefix} || l.id) AS "LeaseUntil"
            FROM leads l JOIN contacts c ON c.id = l.contact_id
            WHERE l.id = ANY({ids.ToArray()})
            """).ToListAsync(ct)).ToDictionary(f => f.Id);
    }

    static SkipReason? Rule(Facts lead, CallingHours hours, DateTime now) =>
        lead.IsDnc ? SkipReason.Dnc
        : string.IsNullOrWhiteSpace(lead.Phone) ? SkipReason.NoPhone
        : lead.WrongNumber ? SkipReason.WrongNumber
        : lead.CalledRecently ? SkipReason.CalledRecently
        : !hours.ClockOf(lead.Timezone, lead.Phone, now).WithinHours ? SkipReason.OutsideCallingHours
        : null;

    /// <summary>The rep's place (their own key) and the list's last position, in one statement each.</summary>
    internal static async Task SavePlaceAsync(CrmDbContext db, string listId, string userId, Place place, DateTime now, CancellationToken ct)
    {
        var index = place.Index;
        var value = PlaceJson(place);
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

    sealed record Facts(string Id, string Name, bool IsDnc, string? Phone, string? Timezone, bool CalledRecently, DateTime? LastCallAt, bool WrongNumber, string? LeaseUntil);

    /// <summary>
    /// A rep's place in a list: the index, and the lead there so a refresh that moved it can be followed; past the end, the
    /// waiting lead offered again. <paramref name="Deferred"/>: leads passed over for a reason that lapses, still to come back.
    /// </summary>
    public sealed record Place(int Index, string? LeadId, IReadOnlyList<string>? Deferred = null);

    /// <summary>The stored place: <c>{"index":…,"leadId":…}</c>, or a bare index as the first builds wrote it.</summary>
    public static Place? ParsePlace(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind == JsonValueKind.Number ? new Place(doc.RootElement.GetInt32(), null) : doc.RootElement.Deserialize<Place>(Json);
    }

    public static string PlaceJson(Place place) => JsonSerializer.Serialize(place, Json);
}
