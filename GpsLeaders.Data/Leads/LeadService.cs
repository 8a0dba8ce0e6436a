using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.LiveEvents;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Sequences;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Leads;

/// <summary>Creating leads and moving them through the pipeline under <see cref="LeadStages"/>, each change with its Activity.</summary>
public sealed class LeadService(IDbContextFactory<CrmDbContext> dbs, TimeProvider clock)
{
    public const string ChangedEvent = "lead.changed";

    DateTime Now() => clock.GetUtcNow().UtcDateTime;

    public async Task<Lead> CreateAsync(LeadInput input, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var check = new Validation();
        CheckDeal(new LeadDeal(input.Source, input.SourceCampaign, input.EstimatedUnits, input.EstimatedRevenue), check);
        if (input.ContactId is null && input.NewContact is null) check.Add("contactId", "A lead needs a contact: pick one or add a new one.");
        check.ThrowIfAny();

        Company? company = null;
        if (input.CompanyId is { Length: > 0 } companyId)
            company = await db.Companies.FirstOrDefaultAsync(c => c.Id == companyId, ct) ?? throw new ValidationFailedException("companyId", "That company no longer exists.");
        else if (input.CompanyName is { } name && !string.IsNullOrWhiteSpace(name))
            company = await CompanyService.MatchByNameAsync(db, name, ct)
                ?? CompanyService.Add(db, new CompanyInput(name, Source: input.Source ?? "manual"), actingUserId);

        Contact contact;
        if (input.ContactId is { Length: > 0 } contactId)
        {
            contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == contactId, ct) ?? throw new ValidationFailedException("contactId", "That contact no longer exists.");
            if (contact.CompanyId is null && company is not null) contact.CompanyId = company.Id;
        }
        else
            contact = await ContactService.AddAsync(db, input.NewContact! with { CompanyId = company?.Id, Source = input.NewContact!.Source ?? input.Source ?? "manual" }, actingUserId, ct);

        var lead = new Lead
        {
            CompanyId = company?.Id ?? contact.CompanyId, ContactId = contact.Id, Source = Clean(input.Source), SourceCampaign = Clean(input.SourceCampaign),
            EstimatedUnits = input.EstimatedUnits, EstimatedRevenue = input.EstimatedRevenue, CreatedAt = Now(),
        };
        if (input.Stage != LeadStage.NEW_LEAD)
        {
            LeadStages.Apply(lead, input.Stage, input.LostReason, Now(), check);
            check.ThrowIfAny();
        }
        Add(db, lead, contact, company, actingUserId);
        await SaveAsync(db, ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, lead.Id), ct);
        await tx.CommitAsync(ct);
        return lead;
    }

    /// <summary>
    /// Adds <paramref name="lead"/> (already checked) to <paramref name="db"/> with its <c>lead.created</c> Activity,
    /// without saving: for use cases that create leads as part of something larger (an import batch).
    /// </summary>
    public static Lead Add(CrmDbContext db, Lead lead, Contact contact, Company? company, string? actingUserId, string? via = null, object? origin = null)
    {
        db.Leads.Add(lead);
        db.Activities.Add(Created(lead, contact, company, actingUserId, via, origin));
        return lead;
    }

    /// <summary>The <c>lead.created</c> Activity of a new lead, not added to a context (the import COPYs it).</summary>
    public static Activity Created(Lead lead, Contact contact, Company? company, string? actingUserId, string? via = null, object? origin = null) =>
        ActivityLog.New("lead.created",
            $"Lead for {ContactRules.DisplayName(contact)}{(company is null ? "" : $" at {company.Name}")} created in {LeadStages.Label(lead.Stage)}{(via is null ? "" : $" {via}")}.",
            new { stage = lead.Stage.ToString(), lead.Source, lead.SourceCampaign, lead.EstimatedRevenue, origin },
            userId: actingUserId, leadId: lead.Id, companyId: lead.CompanyId, contactId: contact.Id);

    /// <summary>
    /// Moves a lead to another stage. <paramref name="version"/> is the row version the user saw (null from the board's
    /// drag, where the last move wins on purpose: the board refreshes live and a stage move is not an edit of typed data).
    /// </summary>
    public async Task<Lead> ChangeStageAsync(string leadId, LeadStage to, string? lostReason, string? actingUserId, uint? version = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var lead = await FindAsync(db, leadId, version, ct);
        var check = new Validation();
        var move = MoveStage(lead, to, lostReason, Now(), check);
        check.ThrowIfAny();
        if (!move.Changed) return lead;
        await RecordMoveAsync(db, move, actingUserId, Now(), ct);
        await SaveAsync(db, ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, lead.Id), ct);
        await tx.CommitAsync(ct);
        return lead;
    }

    public async Task<Lead> UpdateDealAsync(string leadId, uint version, LeadDeal deal, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await FindAsync(db, leadId, version, ct);
        var check = new Validation();
        CheckDeal(deal, check);
        check.ThrowIfAny();
        var before = new { lead.Source, lead.SourceCampaign, lead.EstimatedUnits, lead.EstimatedRevenue };
        (lead.Source, lead.SourceCampaign, lead.EstimatedUnits, lead.EstimatedRevenue) = (Clean(deal.Source), Clean(deal.SourceCampaign), deal.EstimatedUnits, deal.EstimatedRevenue);
        db.Record("lead.updated", "Deal details edited.", new { before, after = new { lead.Source, lead.SourceCampaign, lead.EstimatedUnits, lead.EstimatedRevenue } },
            userId: actingUserId, leadId: lead.Id, companyId: lead.CompanyId, contactId: lead.ContactId);
        await SaveAsync(db, ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, lead.Id), ct);
        return lead;
    }

    /// <summary>Do-not-contact: the dialer and sequences skip the lead while it is set.</summary>
    public async Task<Lead> SetDncAsync(string leadId, bool dnc, string? actingUserId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var lead = await FindAsync(db, leadId, null, ct);
        if (lead.IsDnc == dnc) return lead;
        lead.IsDnc = dnc;
        db.Record(dnc ? "lead.dnc_set" : "lead.dnc_cleared", dnc ? "Marked do-not-contact." : "Do-not-contact cleared.", new { before = !dnc, after = dnc },
            userId: actingUserId, leadId: lead.Id, companyId: lead.CompanyId, contactId: lead.ContactId);
        await SaveAsync(db, ct);
        await db.PublishAsync(new LiveEvent(ChangedEvent, lead.Id), ct);
        return lead;
    }

    /// <summary>
    /// The first half of a stage change inside a larger use case (the dialer's Save &amp; Next): applies the stage rules to
    /// the tracked <paramref name="lead"/>, any refusal going into <paramref name="check"/> so it is reported with the
    /// caller's other errors. Record the result with <see cref="RecordMoveAsync"/> once the caller's checks have passed.
    /// </summary>
    public static StageMove MoveStage(Lead lead, LeadStage to, string? lostReason, DateTime now, Validation check)
    {
        var before = new StageSnapshot(lead.Stage, lead.WonAt, lead.LostAt, lead.LostReason);
        LeadStages.Apply(lead, to, lostReason, now, check);
        return new StageMove(lead, before, to);
    }

    /// <summary>The second half: the <c>lead.stage_changed</c> Activity and, for a lead just closed, its sequences ended. Nothing is saved.</summary>
    public static async Task RecordMoveAsync(CrmDbContext db, StageMove move, string? actingUserId, DateTime now, CancellationToken ct)
    {
        if (!move.Changed) return;
        var (lead, from, to) = (move.Lead, move.Before.Stage, move.To);
        lead.UpdatedAt = now;
        var before = new { stage = from.ToString(), move.Before.WonAt, move.Before.LostAt, move.Before.LostReason };
        db.Record("lead.stage_changed", from == to ? $"Lost reason changed to \"{lead.LostReason}\"." : $"Stage changed from {LeadStages.Label(from)} to {LeadStages.Label(to)}.",
            new { before, after = new { stage = to.ToString(), lead.WonAt, lead.LostAt, lead.LostReason } },
            userId: actingUserId, leadId: lead.Id, companyId: lead.CompanyId, contactId: lead.ContactId, occurredAt: now);
        if (LeadStages.IsClosed(to) && !LeadStages.IsClosed(from)) await EndSequencesAsync(db, lead, to, actingUserId, ct);
    }

    internal static async Task EndSequencesAsync(CrmDbContext db, Lead lead, LeadStage stage, string? actingUserId, CancellationToken ct)
    {
        var runs = await db.SequenceRuns.Where(r => r.LeadId == lead.Id && (r.Status == SequenceStatus.ACTIVE || r.Status == SequenceStatus.PAUSED)).ToListAsync(ct);
        foreach (var run in runs)
        {
            (run.Status, run.CanceledAt, run.CanceledReason, run.NextStepAt) = (SequenceStatus.CANCELED, DateTime.UtcNow, $"Lead moved to {stage}", null);
            db.Record("sequence.canceled", $"Sequence {run.TagSlug} ended: the lead is {LeadStages.Label(stage)}.", new { runId = run.Id, reason = run.CanceledReason },
                userId: actingUserId, leadId: lead.Id, companyId: lead.CompanyId, contactId: lead.ContactId);
        }
    }

    static async Task<Lead> FindAsync(CrmDbContext db, string leadId, uint? version, CancellationToken ct)
    {
        var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == leadId, ct) ?? throw new ValidationFailedException("lead", "This lead no longer exists.");
        if (version is { } v) db.Entry(lead).Property(l => l.Version).OriginalValue = v;
        return lead;
    }

    static void CheckDeal(LeadDeal deal, Validation check)
    {
        if (deal.EstimatedUnits is < 0 or > 100_000) check.Add("estimatedUnits", "Estimated units must be between 0 and 100,000.");
        if (deal.EstimatedRevenue is < 0 or >= 100_000_000m) check.Add("estimatedRevenue", "Estimated revenue must be between $0 and $99,999,999.99.");
        if (deal.EstimatedRevenue is { } r && decimal.Round(r, 2) != r) check.Add("estimatedRevenue", "Estimated revenue has at most two decimals (cents).");
    }

    static async Task SaveAsync(CrmDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConcurrencyConflictException("lead"); }
    }

    static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record StageSnapshot(LeadStage Stage, DateTime? WonAt, DateTime? LostAt, string? LostReason);

/// <summary>A stage change applied to a tracked lead and not yet recorded (<see cref="LeadService.MoveStage"/>).</summary>
public sealed record StageMove(Lead Lead, StageSnapshot Before, LeadStage To)
{
    public bool Changed => Before.Stage != To || Before.LostReason != Lead.LostReason;
}
