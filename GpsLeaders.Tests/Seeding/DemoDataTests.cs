using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Seeding;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace GpsLeaders.Tests.Seeding;

[Collection(SeedingDatabaseCollection.Name)]
public sealed class DemoDataTests(SeedingCluster fixture)
{
    [Fact]
    public async Task Users_of_every_role_can_sign_in_with_the_demo_password_except_the_inactive_rep()
    {
        var (cs, signIns) = await fixture.DemoAsync();
        var users = await Db.ListAsync(cs, "SELECT email, role::text, is_active, password_hash FROM users",
            r => (Email: r.GetString(0), Role: r.GetString(1), Active: r.GetBoolean(2), Hash: r.GetString(3)));

        Assert.Equal((await Db.EnumLabelsAsync(cs, "UserRole")).Order(), users.Select(u => u.Role).Distinct().Order());
        Assert.Equal(3, users.Count(u => u.Role == "REP" && u.Active));
        var inactive = Assert.Single(users, u => !u.Active);
        Assert.Equal(("inactive@gpsleaders.test", "REP"), (inactive.Email, inactive.Role));

        var hasher = new PasswordHasher<object>();
        foreach (var signIn in signIns)
        {
            var user = Assert.Single(users, u => u.Email == signIn.Email);
            Assert.Equal((signIn.Role, signIn.IsActive), (user.Role, user.Active));
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(null!, user.Hash, signIn.Password));
            Assert.Equal(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(null!, user.Hash, "wrong" + signIn.Password));
        }
        Assert.Contains(signIns, s => s is { Email: "admin@gpsleaders.test", Password: "Demo!2345", Role: "ADMIN" });
        Assert.Equal(users.Count, users.Select(u => u.Hash).Distinct().Count()); // salted per user
    }

    [Fact]
    public async Task Leads_fill_every_stage_and_won_and_lost_carry_their_dates()
    {
        var (cs, _) = await fixture.DemoAsync();
        var leads = await Db.ListAsync(cs, "SELECT stage::text, lost_reason, lost_at, won_at, estimated_units, estimated_revenue FROM leads",
            r => (Stage: r.GetString(0), LostReason: r.IsDBNull(1) ? null : r.GetString(1), LostAt: r.IsDBNull(2) ? (DateTime?)null : r.GetDateTime(2),
                WonAt: r.IsDBNull(3) ? (DateTime?)null : r.GetDateTime(3), Units: r.GetInt32(4), Revenue: r.GetDecimal(5)));

        Assert.Equal((await Db.EnumLabelsAsync(cs, "LeadStage")).Order(), leads.Select(l => l.Stage).Distinct().Order());
        Assert.All(leads.Where(l => l.Stage == "LOST"), l => Assert.True(l.LostReason is { Length: > 0 } && l.LostAt is not null));
        Assert.All(leads.Where(l => l.Stage == "WON"), l => Assert.NotNull(l.WonAt));
        Assert.All(leads.Where(l => l.Stage != "LOST"), l => Assert.True(l.LostAt is null && l.LostReason is null));
        Assert.All(leads.Where(l => l.Stage != "WON"), l => Assert.Null(l.WonAt));
        Assert.All(leads, l => Assert.True(l.Units > 0 && l.Revenue > 0));
        Assert.InRange(leads.Count, 130, 200);
    }

    [Fact]
    public async Task Devices_and_sim_cards_have_valid_unique_imeis_and_iccids()
    {
        var (cs, _) = await fixture.DemoAsync();
        var imeis = await Db.ListAsync(cs, "SELECT imei FROM devices", r => r.GetString(0));
        var iccids = await Db.ListAsync(cs, "SELECT iccid FROM sim_cards", r => r.GetString(0));

        Assert.True(imeis.Count >= 50);
        Assert.All(imeis, imei => Assert.True(Imei.IsValid(imei) && Luhn.IsValid(imei), imei));
        Assert.True(iccids.Count >= 50);
        Assert.All(iccids, iccid => Assert.True(Iccid.IsValid(iccid), iccid));
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, """
            SELECT count(*) FROM devices d JOIN sim_cards s ON s.id = d.sim_card_id
            WHERE (d.status = 'ACTIVATED') <> (s.status = 'ACTIVE') OR (d.status = 'ACTIVATED' AND d.company_id IS NULL)
            """));
        Assert.True(await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM devices WHERE sim_card_id IS NOT NULL") >= 20);
    }

    [Fact]
    public async Task Contacts_have_valid_us_mobiles_time_zones_from_their_area_code_and_normalised_emails()
    {
        var (cs, _) = await fixture.DemoAsync();
        var contacts = await Db.AssertContactsValidAsync(cs);
        Assert.Contains(contacts, c => c.Email is not null && c.Email != c.Normalized); // some typed with capitals
    }

    [Fact]
    public async Task Companies_are_normalised_rated_and_have_one_default_billing_and_shipping_address()
    {
        var (cs, _) = await fixture.DemoAsync();
        var companies = await Db.ListAsync(cs, "SELECT name, normalized_name, google_rating FROM companies",
            r => (Name: r.GetString(0), Normalized: r.GetString(1), Rating: r.IsDBNull(2) ? (decimal?)null : r.GetDecimal(2)));

        Assert.Equal(DemoData.CompanyCount, companies.Count);
        Assert.All(companies, c => Assert.Equal(CompanyName.Normalize(c.Name), c.Normalized));
        Assert.All(companies.Where(c => c.Rating is not null), c => Assert.InRange(c.Rating!.Value, 1.0m, 5.0m));
        Assert.Equal((await Db.EnumLabelsAsync(cs, "CompanyStatus")).Order(),
            (await Db.ListAsync(cs, "SELECT DISTINCT status::text FROM companies", r => r.GetString(0))).Order());
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, """
            SELECT count(*) FROM companies c WHERE
              (SELECT count(*) FROM company_addresses a WHERE a.company_id = c.id AND a.is_default_billing) <> 1 OR
              (SELECT count(*) FROM company_addresses a WHERE a.company_id = c.id AND a.is_default_shipping) <> 1
            """));
    }

    [Fact]
    public async Task Reference_tables_cover_taxes_terms_templates_taxonomy_and_settings()
    {
        var (cs, _) = await fixture.DemoAsync();
        var rates = await Db.ListAsync(cs, "SELECT category::text, rate FROM tax_rates", r => (Category: r.GetString(0), Rate: r.GetDecimal(1)));
        Assert.Contains(("CA_DISTRICT", 0.0725m), rates);
        Assert.Contains(("CA_DISTRICT", 0.1025m), rates);
        Assert.Contains(("RESALE", 0m), rates);
        Assert.Contains(("OUT_OF_STATE", 0m), rates);
        Assert.All(rates.Where(r => r.Category == "CA_DISTRICT"), r => Assert.InRange(r.Rate, 0.0725m, 0.1075m));

        Assert.Equal(["AT&T", "T-Mobile", "Verizon"], (await Db.ListAsync(cs, "SELECT name FROM carriers", r => r.GetString(0))).Order());
        Assert.Equal(["Due on receipt", "Net 15", "Net 30"], (await Db.ListAsync(cs, "SELECT name FROM payment_terms", r => r.GetString(0))).Order());
        Assert.Equal((await Db.EnumLabelsAsync(cs, "TaxonomyType")).Order(),
            (await Db.ListAsync(cs, "SELECT DISTINCT type::text FROM taxonomy_values", r => r.GetString(0))).Order());
        Assert.Equal("\"GPS\"", await Db.ScalarAsync<string>(cs, "SELECT value::text FROM settings WHERE key = 'invoice.prefix'"));
        Assert.Equal(1L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM voicemail_drops WHERE is_default"));
        Assert.Equal(4L, await Db.ScalarAsync<long>(cs, "SELECT count(DISTINCT (channel, category)) FROM message_templates"));
        Assert.True(await Db.ScalarAsync<bool>(cs,
            "SELECT bool_and(body LIKE '%{{company.name}}%' AND body LIKE '%{{invoice.total}}%' AND body LIKE '%{{contract.term}}%' AND body LIKE '%{{device.count}}%') FROM agreement_templates"));
        // Every template a sequence step names exists, and every sequence is keyed by a disposition tag.
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, """
            SELECT count(*) FROM sequence_definitions d, jsonb_array_elements(d.steps) s
            WHERE s ? 'template' AND NOT EXISTS (SELECT 1 FROM message_templates t WHERE t.slug = s->>'template')
            """));
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs,
            "SELECT count(*) FROM sequence_definitions d WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.slug = d.tag_slug AND t.category = 'DISPOSITION')"));
        Assert.True(await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM tags WHERE is_system") >= 2);
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM lead_tags lt WHERE NOT EXISTS (SELECT 1 FROM tags t WHERE t.slug = lt.tag_slug)"));
    }

    [Fact]
    public async Task Every_active_rep_has_overdue_today_and_upcoming_tasks_and_companies_have_timelines()
    {
        var (cs, _) = await fixture.DemoAsync();
        var buckets = await Db.ListAsync(cs, """
            SELECT u.email,
                   count(*) FILTER (WHERE t.due_at < (now() AT TIME ZONE 'utc')::date),
                   count(*) FILTER (WHERE t.due_at::date = (now() AT TIME ZONE 'utc')::date),
                   count(*) FILTER (WHERE t.due_at::date > (now() AT TIME ZONE 'utc')::date)
            FROM users u JOIN tasks t ON t.assigned_to_id = u.id AND NOT t.is_completed
            WHERE u.role = 'REP' AND u.is_active GROUP BY u.email
            """, r => (Email: r.GetString(0), Overdue: r.GetInt64(1), Today: r.GetInt64(2), Upcoming: r.GetInt64(3)));
        Assert.Equal(3, buckets.Count);
        Assert.All(buckets, b => Assert.True(b.Overdue > 0 && b.Today > 0 && b.Upcoming > 0, b.ToString()));

        var activities = await Db.CountAsync(cs, "activities");
        Assert.InRange(activities / (double)DemoData.CompanyCount, 8, 20);
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs, "SELECT count(*) FROM activities WHERE activity_type !~ '^[a-z_]+\\.[a-z_]+$' OR summary = '' OR occurred_at > now() AT TIME ZONE 'utc'"));
        Assert.True(await Db.CountAsync(cs, "notes") > 50);
        // Ids are stamped with the time the activity happened, so "newest first" by primary key is by time too.
        Assert.Equal(0L, await Db.ScalarAsync<long>(cs,
            "SELECT count(*) FROM (SELECT occurred_at, lag(occurred_at) OVER (ORDER BY id) AS previous FROM activities) x WHERE occurred_at < previous"));
    }

    [Fact]
    public async Task Seeding_again_changes_nothing_and_returns_the_same_sign_ins()
    {
        var (cs, signIns) = await fixture.DemoAsync();
        var before = await Db.ScalarAsync<long>(cs, "SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM users)");
        var again = await DemoData.SeedAsync(cs, CancellationToken.None);
        Assert.Equal(signIns, again);
        Assert.Equal(before, await Db.ScalarAsync<long>(cs, "SELECT (SELECT count(*) FROM companies) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM users)"));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_business_content()
    {
        var (cs, _) = await fixture.DemoAsync();
        var other = await TestDatabases.CreateMigratedAsync();
        await DemoData.SeedAsync(other, CancellationToken.None);
        const string content = """
            SELECT c.name || '|' || c.fleet_size || '|' || coalesce(string_agg(l.stage::text || ':' || l.estimated_units, ',' ORDER BY l.stage, l.estimated_units), '')
            FROM companies c LEFT JOIN leads l ON l.company_id = c.id GROUP BY c.id ORDER BY 1
            """;
        Assert.Equal(await Db.ListAsync(cs, content, r => r.GetString(0)), await Db.ListAsync(other, content, r => r.GetString(0)));
    }

    [Fact]
    public async Task Each_demo_rep_has_a_call_list_of_their_own_open_callable_leads_so_the_dialer_works_on_first_run()
    {
        var (cs, _) = await fixture.DemoAsync();
        var reps = await Db.ListAsync(cs, "SELECT id, first_name FROM users WHERE role = 'REP' AND is_active", r => (Id: r.GetString(0), First: r.GetString(1)));
        var lists = await Db.ListAsync(cs, "SELECT name, lead_ids, is_active FROM call_lists",
            r => (Name: r.GetString(0), Leads: r.GetFieldValue<string[]>(1), Active: r.GetBoolean(2)));
        var leads = (await Db.ListAsync(cs, """
            SELECT l.id, c.assigned_rep_id, l.stage::text, l.is_dnc, ct.phone_e164
            FROM leads l JOIN companies c ON c.id = l.company_id JOIN contacts ct ON ct.id = l.contact_id
            """, r => (Id: r.GetString(0), Rep: r.IsDBNull(1) ? null : r.GetString(1), Stage: r.GetString(2), Dnc: r.GetBoolean(3),
                Phone: r.IsDBNull(4) ? null : r.GetString(4)))).ToDictionary(l => l.Id);

        Assert.Equal(3, reps.Count);
        foreach (var rep in reps)
        {
            var list = Assert.Single(lists, l => l.Name.StartsWith(rep.First));
            Assert.True(list.Active);
            Assert.True(list.Leads.Length >= 5, $"{list.Name} has {list.Leads.Length} leads");
            Assert.All(list.Leads, id =>
            {
                var lead = leads[id];
                Assert.Equal(rep.Id, lead.Rep);
                Assert.DoesNotContain(lead.Stage, new[] { "WON", "LOST", "BOGUS" });
                Assert.False(lead.Dnc);
                Assert.NotNull(lead.Phone);
            });
        }
    }
}
