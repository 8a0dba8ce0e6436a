using System.Diagnostics;
using System.Text.Json;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace GpsLeaders.Data.Leads;

public sealed record LeadScoreRun(int Leads, int Changed, TimeSpan Took);

/// <summary>
/// Recomputes lead_scores: inputs for every lead come from one aggregate query (no per-lead queries), scores are
/// computed in memory by <see cref="LeadScoring"/>, and rows are upserted in batches through unnest arrays,
/// writing only rows whose values changed. Also reads and saves the weights setting.
/// </summary>
public sealed class LeadScoreService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const string ChangedEvent = "lead.score_changed";
    const int BatchSize = 5000;

    /// <summary>Titles that mark a contact as someone who can sign (matched case-insensitively as words).</summary>
    const string DecisionMakerTitles = @"\m(owner|co-owner|president|ceo|chief executive|fleet manager|fleet director|general manager|gm|operations|coo|founder|principal)\M";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<(LeadScoreWeights Weights, uint? Version)> WeightsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == LeadScoreWeights.SettingKey, ct);
        return (Parse(row?.Value), row?.Version);
    }

    /// <summary>Saves the weights; <paramref name="version"/> is the setting's xmin when read (null if it did not exist yet).</summary>
    public async Task SaveWeightsAsync(LeadScoreWeights weights, uint? version, string actingUserId, CancellationToken ct = default)
    {
        weights.Validate();
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == LeadScoreWeights.SettingKey, ct);
        var before = Parse(row?.Value);
        if (row is null)
        {
            if (version is not null) throw new ConcurrencyConflictException("setting");
            row = new Setting { Key = LeadScoreWeights.SettingKey };
            db.Settings.Add(row);
        }
        else db.Entry(row).Property(s => s.Version).OriginalValue = version ?? 0;
        row.Value = JsonSerializer.Serialize(weights, Json);
        db.Record("settings.lead_score_weights_changed", "Lead-score weights changed.", new { before, after = weights }, userId: actingUserId);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("setting"); }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        { throw new ConcurrencyConflictException("setting"); }
    }

    public Task<LeadScoreRun> RecomputeAsync(CancellationToken ct = default) => RunAsync(null, ct);

    public Task<LeadScoreRun> RecomputeLeadAsync(string leadId, CancellationToken ct = default) => RunAsync(leadId, ct);

    async Task<LeadScoreRun> RunAsync(string? leadId, CancellationToken ct)
    {
        var took = Stopwatch.StartNew();
        var (weights, _) = await WeightsAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var scored = new List<(string LeadId, LeadScoreResult Score)>();
        await using (var cmd = new NpgsqlCommand(InputsSql, connection))
        {
            cmd.Parameters.Add(new NpgsqlParameter("lead", NpgsqlDbType.Text) { Value = (object?)leadId ?? DBNull.Value });
            cmd.Parameters.AddWithValue("titles", DecisionMakerTitles);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var inputs = new LeadScoreInputs(
                    Enum.Parse<LeadStage>(r.GetString(1)), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetBoolean(3),
                    r.IsDBNull(4) ? null : r.GetDecimal(4), r.GetBoolean(5), (int)r.GetInt64(6), (int)r.GetInt64(7), (int)r.GetInt64(8),
                    r.IsDBNull(9) ? null : DateTime.SpecifyKind(r.GetDateTime(9), DateTimeKind.Utc));
                scored.Add((r.GetString(0), LeadScoring.Score(inputs, weights, now)));
            }
        }
        if (leadId is not null && scored.Count == 0) throw new ValidationFailedException("leadId", "This lead no longer exists.");

        var changed = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var npgsqlTx = (NpgsqlTransaction)tx.GetDbTransaction();
            foreach (var batch in scored.Chunk(BatchSize)) changed += await UpsertAsync(connection, npgsqlTx, batch, now, ct);
            await db.PublishAsync(new LiveEvent(ChangedEvent, leadId), ct);
            await tx.CommitAsync(ct);
        }
        return new LeadScoreRun(scored.Count, changed, took.Elapsed);
    }

    static async Task<int> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction tx, (string LeadId, LeadScoreResult Score)[] batch, DateTime now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(UpsertSql, connection, tx);
        cmd.Parameters.AddWithValue("ids", batch.Select(_ => Guid.CreateVersion7().ToString()).ToArray());
        cmd.Parameters.AddWithValue("leads", batch.Select(b => b.LeadId).ToArray());
        cmd.Parameters.AddWithValue("quality", batch.Select(b => b.Score.Quality).ToArray());
        cmd.Parameters.AddWithValue("engagement", batch.Select(b => b.Score.Engagement).ToArray());
        cmd.Parameters.AddWithValue("risks", batch.Select(b => b.Score.Risk.ToString()).ToArray());
        cmd.Parameters.Add(new NpgsqlParameter("lasts", NpgsqlDbType.Array | NpgsqlDbType.Timestamp)
            { Value = batch.Select(b => b.Score.LastInteractionAt is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified) : (DateTime?)null).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("days", NpgsqlDbType.Array | NpgsqlDbType.Integer)
            { Value = batch.Select(b => b.Score.DaysSinceContact).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.Timestamp) { Value = DateTime.SpecifyKind(now, DateTimeKind.Unspecified) });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    static LeadScoreWeights Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return LeadScoreWeights.Default;
        try { return JsonSerializer.Deserialize<LeadScoreWeights>(json, Json) ?? LeadScoreWeights.Default; }
        catch (JsonException) { return LeadScoreWeights.Default; }
    }

    // Each signal is aggregated once per table over all leads (or one lead), then joined: a handful of scans, not N queries.
    const string InputsSql = """
        WITH dm AS (
            SELECT DISTINCT company_id FROM contacts WHERE company_id IS NOT NULL AND title ~* @titles
        ), sms AS (
            SELECT lead_id, count(*) FILTER (WHERE direction = 'INBOUND') AS replies, max(coalesce(sent_at, created_at)) AS last_at
            FROM sms_messages WHERE lead_id IS NOT NULL AND (@lead IS NULL OR lead_id = @lead) GROUP BY lead_id
        ), mail AS (
            SELECT t.lead_id, count(*) FILTER (WHERE m.direction = 'INBOUND') AS replies, max(coalesce(m.sent_at, m.created_at)) AS last_at
            FROM email_messages m JOIN email_threads t ON t.id = m.thread_id
            WHERE t.lead_id IS NOT NULL AND (@lead IS NULL OR t.lead_id = @lead) GROUP BY t.lead_id
        ), calls AS (
            SELECT lead_id, count(*) FILTER (WHERE outcome = 'CONNECTED') AS connected, max(created_at) AS last_at
            FROM call_logs WHERE lead_id IS NOT NULL AND (@lead IS NULL OR lead_id = @lead) GROUP BY lead_id
        ), books AS (
            SELECT lead_id, count(*) FILTER (WHERE status <> 'CANCELLED') AS booked, max(created_at) AS last_at
            FROM bookings WHERE lead_id IS NOT NULL AND (@lead IS NULL OR lead_id = @lead) GROUP BY lead_id
        ), logged AS (
            -- Communications recorded only as activities (imports, the demo set) count too; per signal the larger source wins, so a
            -- message stored both as a row and as its activity is not counted twice.
            SELECT lead_id,
                   count(*) FILTER (WHERE activity_type IN ('sms.received', 'email.received')) AS replies,
                   count(*) FILTER (WHERE activity_type = 'call.logged' AND detail->>'outcome' = 'CONNECTED') AS connected,
                   count(*) FILTER (WHERE activity_type = 'booking.created') AS booked,
                   max(occurred_at) AS last_at
            FROM activities
            WHERE lead_id IS NOT NULL AND activity_type IN ('sms.sent', 'sms.received', 'email.sent', 'email.received', 'call.logged', 'booking.created')
              AND (@lead IS NULL OR lead_id = @lead)
            GROUP BY lead_id
        ), icp AS (
            SELECT DISTINCT lt.lead_id FROM lead_tags lt JOIN tags t ON t.slug = lt.tag_slug
            WHERE lt.removed_at IS NULL AND t.category = 'ICP' AND (@lead IS NULL OR lt.lead_id = @lead)
        )
        SELECT l.id, l.stage::text, c.fleet_size,
               (c.icp_tag IS NOT NULL OR icp.lead_id IS NOT NULL),
               c.google_rating,
               (dm.company_id IS NOT NULL OR coalesce(lc.title ~* @titles, false)),
               greatest(coalesce(sms.replies, 0) + coalesce(mail.replies, 0), coalesce(logged.replies, 0)),
               greatest(coalesce(calls.connected, 0), coalesce(logged.connected, 0)),
               greatest(coalesce(books.booked, 0), coalesce(logged.booked, 0)),
               greatest(sms.last_at, mail.last_at, calls.last_at, books.last_at, logged.last_at)
        FROM leads l
        LEFT JOIN companies c ON c.id = l.company_id
        LEFT JOIN contacts lc ON lc.id = l.contact_id
        LEFT JOIN dm ON dm.company_id = l.company_id
        LEFT JOIN sms ON sms.lead_id = l.id
        LEFT JOIN mail ON mail.lead_id = l.id
        LEFT JOIN calls ON calls.lead_id = l.id
        LEFT JOIN books ON books.lead_id = l.id
        LEFT JOIN logged ON logged.lead_id = l.id
        LEFT JOIN icp ON icp.lead_id = l.id
        WHERE @lead IS NULL OR l.id = @lead
        """;

    const string UpsertSql = """
        INSERT INTO lead_scores (id, lead_id, quality_score, engagement_score, deal_risk, last_interaction_at, days_since_contact, updated_at)
        SELECT u.id, u.lead_id, u.quality, u.engagement, u.risk::"DealRisk", u.last_at, u.days, @now
        FROM unnest(@ids, @leads, @quality, @engagement, @risks, @lasts, @days) AS u(id, lead_id, quality, engagement, risk, last_at, days)
        ON CONFLICT (lead_id) DO UPDATE SET
            quality_score = excluded.quality_score, engagement_score = excluded.engagement_score, deal_risk = excluded.deal_risk,
            last_interaction_at = excluded.last_interaction_at, days_since_contact = excluded.days_since_contact, updated_at = excluded.updated_at
        WHERE (lead_scores.quality_score, lead_scores.engagement_score, lead_scores.deal_risk, lead_scores.last_interaction_at, lead_scores.days_since_contact)
              IS DISTINCT FROM (excluded.quality_score, excluded.engagement_score, excluded.deal_risk, excluded.last_interaction_at, excluded.days_since_contact)
        """;
}
