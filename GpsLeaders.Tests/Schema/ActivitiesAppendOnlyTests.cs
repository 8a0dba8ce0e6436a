using GpsLeaders.Data;
using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Platform;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Tests.Schema;

/// <summary>Migrations 0003 and 0004: the database itself keeps activities append-only (a company merge may only re-point company_id).</summary>

public sealed class ActivitiesAppendOnlyTests
{
    private const string RestrictViolation = "23001";

    [Fact]
    public async Task Updating_an_activity_is_refused()
    {
        var (cs, activityId) = await SeedAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(cs, $"UPDATE activities SET summary = 'rewritten' WHERE id = '{activityId}'"));
        Assert.Equal(RestrictViolation, error.SqlState);

        // Re-pointing a subject FK is an edit too: only clearing is allowed.
        await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(cs, $"UPDATE activities SET user_id = 'someone-else' WHERE id = '{activityId}'"));

        await using var db = new CrmDbContext(CrmDatabase.Options(cs));
        var activity = await db.Activities.SingleAsync();
        activity.Summary = "rewritten through EF";
        var efError = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(RestrictViolation, Assert.IsType<PostgresException>(efError.InnerException).SqlState);
    }

    [Fact]
    public async Task Deleting_an_activity_is_refused()
    {
        var (cs, activityId) = await SeedAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(cs, $"DELETE FROM activities WHERE id = '{activityId}'"));
        Assert.Equal(RestrictViolation, error.SqlState);
        Assert.Contains("append-only", error.MessageText);
    }

    [Fact]
    public async Task Deleting_a_lead_keeps_its_activities_and_nulls_their_lead_id()
    {
        var (cs, activityId) = await SeedAsync();

        // Done in SQL so it is the database's ON DELETE SET NULL, not EF's client-side fix-up.
        await ExecuteAsync(cs, "DELETE FROM leads");

        await using var db = new CrmDbContext(CrmDatabase.Options(cs));
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
        Assert.Null(activity.LeadId);
        Assert.NotNull(activity.CompanyId);
        Assert.NotNull(activity.ContactId);
        Assert.NotNull(activity.UserId);
        Assert.Equal("Stage changed to HOT", activity.Summary);
    }

    [Fact]
    public async Task Re_pointing_company_id_is_refused_outside_a_company_merge()
    {
        var (cs, activityId) = await SeedAsync();
        var other = await AddCompanyAsync(cs);

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => ExecuteAsync(cs, $"UPDATE activities SET company_id = '{other}' WHERE id = '{activityId}'"));
        Assert.Equal(RestrictViolation, error.SqlState);

        // The flag is transaction-local: set in an earlier transaction it no longer counts.
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(cs,
            "SELECT set_config('crm.company_merge', 'on', true);",
            $"UPDATE activities SET company_id = '{other}' WHERE id = '{activityId}'"));
    }

    [Fact]
    public async Task A_company_merge_may_re_point_company_id_and_nothing_else()
    {
        var (cs, activityId) = await SeedAsync();
        var other = await AddCompanyAsync(cs);
        const string merging = "BEGIN; SELECT set_config('crm.company_merge', 'on', true);";

        await ExecuteAsync(cs, merging + $"UPDATE activities SET company_id = '{other}' WHERE id = '{activityId}'; COMMIT;");

        foreach (var change in new[] { "summary = 'rewritten'", "user_id = 'someone-else'", $"company_id = '{other}', activity_type = 'x'" })
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(cs,
                merging + $"UPDATE activities SET {change} WHERE id = '{activityId}'; COMMIT;"));
            Assert.Equal(RestrictViolation, error.SqlState);
        }
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(cs, merging + $"DELETE FROM activities WHERE id = '{activityId}'; COMMIT;"));

        await using var db = new CrmDbContext(CrmDatabase.Options(cs));
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
        Assert.Equal(other, activity.CompanyId);
        Assert.Equal("Stage changed to HOT", activity.Summary);
        Assert.Equal("lead.stage_changed", activity.ActivityType);
    }

    private static async Task<string> AddCompanyAsync(string cs)
    {
        var id = Guid.NewGuid().ToString();
        await ExecuteAsync(cs, $"INSERT INTO companies (id, name, normalized_name, updated_at) VALUES ('{id}', 'Other Co', 'other co', now())");
        return id;
    }

    private async Task<(string Cs, string ActivityId)> SeedAsync()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        await using var db = new CrmDbContext(CrmDatabase.Options(cs));
        var data = await SchemaTestData.AddAsync(db);
        var activity = new Activity
        {
            Lead = data.Lead, Company = data.Company, Contact = data.Contact, User = data.User,
            ActivityType = "lead.stage_changed", Summary = "Stage changed to HOT",
            Detail = """{"from": "NEW_LEAD", "to": "HOT"}""",
        };
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return (cs, activity.Id);
    }

    /// <summary>Runs each statement in turn on one connection (each its own transaction unless it says BEGIN).</summary>
    private static async Task ExecuteAsync(string cs, params string[] statements)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        foreach (var sql in statements)
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
