using GpsLeaders.Data;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Fulfillment;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GpsLeaders.Tests.Schema;

/// <summary>Runtime behaviour of the mapping: xmin concurrency, @updatedAt, UTC timestamps, enums, jsonb, arrays.</summary>

public sealed class EntityMappingTests
{
    [Fact]
    public async Task Second_of_two_concurrent_edits_gets_a_concurrency_exception()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        string companyId;
        await using (var seed = new CrmDbContext(CrmDatabase.Options(cs)))
            companyId = (await SchemaTestData.AddAsync(seed)).Company.Id;

        await using var first = new CrmDbContext(CrmDatabase.Options(cs));
        await using var second = new CrmDbContext(CrmDatabase.Options(cs));
        var a = await first.Companies.SingleAsync(c => c.Id == companyId);
        var b = await second.Companies.SingleAsync(c => c.Id == companyId);
        Assert.NotEqual(0u, a.Version);

        a.Industry = "Towing";
        await first.SaveChangesAsync();
        b.Industry = "Plumbing";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        // The winner's token was refreshed, so it can save again.
        a.Industry = "Towing & Recovery";
        await first.SaveChangesAsync();
    }

    [Fact]
    public async Task Saving_sets_UpdatedAt_and_keeps_CreatedAt()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        await using var db = new CrmDbContext(CrmDatabase.Options(cs));
        var company = (await SchemaTestData.AddAsync(db)).Company;
        var (created, firstUpdate) = (company.CreatedAt, company.UpdatedAt);
        Assert.Equal(DateTimeKind.Utc, firstUpdate.Kind);
        Assert.InRange(firstUpdate, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));

        await Task.Delay(20);
        company.Phone = "+15555550100";
        await db.SaveChangesAsync();

        Assert.True(company.UpdatedAt > firstUpdate, $"UpdatedAt {company.UpdatedAt:O} not after {firstUpdate:O}");
        await using var fresh = new CrmDbContext(CrmDatabase.Options(cs));
        var stored = await fresh.Companies.AsNoTracking().SingleAsync(c => c.Id == company.Id);
        Assert.Equal(company.UpdatedAt, stored.UpdatedAt);
        Assert.Equal(created, company.CreatedAt);
        Assert.Equal(company.CreatedAt, stored.CreatedAt);
    }

    [Fact]
    public async Task DateTimes_round_trip_as_UTC_and_dates_as_DateOnly()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        var wonAt = new DateTime(2025, 3, 9, 7, 30, 15, 123, DateTimeKind.Utc);
        var lostAtLocal = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Local);
        string leadId;
        await using (var db = new CrmDbContext(CrmDatabase.Options(cs)))
        {
            var lead = (await SchemaTestData.AddAsync(db)).Lead;
            lead.WonAt = wonAt;
            lead.LostAt = lostAtLocal;
            db.Devices.Add(new Device { SerialNumber = "SN-1", ActivationDate = new DateOnly(2025, 2, 28) });
            await db.SaveChangesAsync();
            leadId = lead.Id;
        }

        await using var read = new CrmDbContext(CrmDatabase.Options(cs));
        var stored = await read.Leads.SingleAsync(l => l.Id == leadId);
        Assert.Equal(DateTimeKind.Utc, stored.WonAt!.Value.Kind);
        Assert.Equal(wonAt, stored.WonAt);
        Assert.Equal(DateTimeKind.Utc, stored.LostAt!.Value.Kind);
        Assert.Equal(lostAtLocal.ToUniversalTime(), stored.LostAt);
        Assert.Equal(DateTimeKind.Utc, stored.CreatedAt.Kind);
        Assert.Equal(new DateOnly(2025, 2, 28), (await read.Devices.SingleAsync()).ActivationDate);

        // Stored as UTC wall-clock time, the way Prisma writes it.
        Assert.Equal("2025-03-09 07:30:15.123", await ScalarAsync(cs, $"SELECT won_at::text FROM leads WHERE id = '{leadId}'"));
        // Parameters go through the same converter.
        Assert.True(await read.Leads.AnyAsync(l => l.WonAt == wonAt));
    }

    [Fact]
    public async Task Values_equal_to_CLR_defaults_are_written_not_replaced_by_database_defaults()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        await using var db = new CrmDbContext(CrmDatabase.Options(cs));
        // Database defaults: role OPERATOR, is_active true. ADMIN is the enum's 0 and false is bool's default.
        var user = new User { Email = "admin@example.com", PasswordHash = "x", FirstName = "A", LastName = "B", Role = UserRole.ADMIN, IsActive = false };
        var fresh = new User { Email = "new@example.com", PasswordHash = "x", FirstName = "C", LastName = "D" };
        db.Users.AddRange(user, fresh);
        await db.SaveChangesAsync();

        Assert.Equal("ADMIN false", await ScalarAsync(cs, $"SELECT role::text || ' ' || is_active FROM users WHERE id = '{user.Id}'"));
        Assert.Equal("OPERATOR true", await ScalarAsync(cs, $"SELECT role::text || ' ' || is_active FROM users WHERE id = '{fresh.Id}'"));
    }

    [Fact]
    public async Task Enums_json_and_arrays_round_trip()
    {
        var cs = await TestDatabases.CreateMigratedAsync();
        string leadId;
        await using (var db = new CrmDbContext(CrmDatabase.Options(cs)))
        {
            var data = await SchemaTestData.AddAsync(db);
            data.Lead.Stage = LeadStage.BUY_PERIOD_30;
            data.Lead.EstimatedRevenue = 12345.67m;
            db.CallLists.Add(new CallList { Name = "Hot", LeadIds = [data.Lead.Id, "other"], FilterCriteria = """{"stage": ["HOT"]}""" });
            await db.SaveChangesAsync();
            leadId = data.Lead.Id;
        }

        Assert.Equal("BUY_PERIOD_30", await ScalarAsync(cs, "SELECT stage::text FROM leads"));
        await using var read = new CrmDbContext(CrmDatabase.Options(cs));
        Assert.Equal(LeadStage.BUY_PERIOD_30, (await read.Leads.SingleAsync()).Stage);
        Assert.Equal(1, await read.Leads.CountAsync(l => l.Stage == LeadStage.BUY_PERIOD_30 && l.EstimatedRevenue == 12345.67m));
        var list = await read.CallLists.SingleAsync();
        Assert.Equal([leadId, "other"], list.LeadIds);
        Assert.Equal("""{"stage": ["HOT"]}""", list.FilterCriteria);
        Assert.Equal("HOT", await ScalarAsync(cs, "SELECT filter_criteria->'stage'->>0 FROM call_lists"));
    }

    private static async Task<string?> ScalarAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (await cmd.ExecuteScalarAsync())?.ToString();
    }
}
