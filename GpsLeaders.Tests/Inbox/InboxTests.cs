using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace GpsLeaders.Tests.Inbox;

/// <summary>The unified inbox as operators meet it, with WireMock playing the Android SMS gateway.</summary>
public class InboxTests : BrowserTest
{
    FakeSmsGateway _phone = default!;
    HttpClient _http = default!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        string adminId;
        await using (var db = Db()) adminId = await db.Users.Where(u => u.Role == UserRole.ADMIN).Select(u => u.Id).FirstAsync();
        _phone = await FakeSmsGateway.RegisterAsync(App.Services, adminId);
        _http = App.CreateRealClient();
    }

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        _phone.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A demo lead whose contact can be texted and has a first name and a company.</summary>
    async Task<(string LeadId, string Phone, string FirstName, string Company, string? RepId)> TextableLeadAsync()
    {
        await using var db = Db();
        var lead = await db.Leads.Where(l => !l.IsDnc && l.Contact.IsSmsEligible && l.Contact.FirstName != null && l.Company != null
                && !db.Leads.Any(o => o.ContactId == l.ContactId && o.Id != l.Id) && !db.Conversations.Any(c => c.LeadId == l.Id && c.Channel == ConversationChannel.SMS))
            .OrderBy(l => l.Id)
            .Select(l => new { l.Id, l.Contact.PhoneE164, l.Contact.FirstName, l.Company!.Name, l.Company.AssignedRepId }).FirstAsync();
        return (lead.Id, lead.PhoneE164!, lead.FirstName!, lead.Name, lead.AssignedRepId);
    }

    static ILocator Badge(IPage page) => page.Locator("[data-testid=inbox-unread-badge]");

    /// <summary>What the badge shows before the test's own messages (the demo data has a few unread replies).</summary>
    internal static Task ExpectBadgeAsync(IPage page, int unread) => unread == 0
        ? Assertions.Expect(Badge(page)).ToHaveCountAsync(0)
        : Assertions.Expect(Badge(page)).ToHaveTextAsync(unread.ToString());

    internal static async Task<int> UnreadBeforeAsync(GpsLeaders.Data.CrmDbContext db) =>
        await db.Conversations.Where(c => !c.IsArchived).SumAsync(c => c.UnreadCount);

    [Fact]
    public async Task Two_operators_see_an_inbound_text_arrive_live_and_opening_it_clears_the_others_badge()
    {
        var lead = await TextableLeadAsync();
        var admin = await SignedInAsync("admin@gpsleaders.test");
        var operatorPage = await SignedInAsync("operator@gpsleaders.test");
        await OpenAsync(admin, "/inbox");
        await OpenAsync(operatorPage, "/inbox");
        int before;
        await using (var start = Db()) before = await UnreadBeforeAsync(start);
        await ExpectBadgeAsync(admin, before);

        var response = await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-live-1", lead.Phone, "Do the trackers need hardwiring?"));
        Assert.True(response.IsSuccessStatusCode);

        foreach (var page in new[] { admin, operatorPage })
        {
            await ExpectBadgeAsync(page, before + 1);
            var row = page.Locator("[data-testid=inbox-row]").First;
            await Assertions.Expect(row.Locator("[data-testid=inbox-row-preview]")).ToHaveTextAsync("Do the trackers need hardwiring?");
            await Assertions.Expect(row.Locator("[data-testid=inbox-row-unread]")).ToHaveTextAsync("1");
        }

        await operatorPage.Locator("[data-testid=inbox-row]").First.ClickAsync();
        await Assertions.Expect(operatorPage.Locator("[data-testid=sms-bubble][data-direction=in]").Last).ToContainTextAsync("hardwiring");
        await ExpectBadgeAsync(admin, before);
        await Assertions.Expect(admin.Locator("[data-testid=inbox-row]").First.Locator("[data-testid=inbox-row-unread]")).ToHaveCountAsync(0);
        await using var db = Db();
        Assert.Equal(0, (await db.Conversations.SingleAsync(c => c.LeadId == lead.LeadId && c.Channel == ConversationChannel.SMS)).UnreadCount);
    }

    [Fact]
    public async Task A_template_reply_reaches_the_phone_exactly_turns_delivered_and_stop_makes_the_composer_refuse()
    {
        var lead = await TextableLeadAsync();
        await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-tpl-1", lead.Phone, "Call me later?"));
        string conversationId, repFirstName;
        await using (var db = Db())
        {
            conversationId = await db.Conversations.Where(c => c.LeadId == lead.LeadId && c.Channel == ConversationChannel.SMS).Select(c => c.Id).SingleAsync();
            var adminFirst = await db.Users.Where(u => u.Email == "admin@gpsleaders.test").Select(u => u.FirstName).SingleAsync();
            repFirstName = lead.RepId is null ? adminFirst : await db.Users.Where(u => u.Id == lead.RepId).Select(u => u.FirstName).SingleAsync();
        }

        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, $"/inbox/{conversationId}");
        await page.ClickAsync("[data-testid=composer-template]");
        await page.Locator("[data-testid=composer-template-option]", new() { HasText = "Voicemail follow-up (SMS)" }).ClickAsync();
        var expected = $"Hi {lead.FirstName}, it's {repFirstName} with GPS Leaders. I just left you a voicemail about GPS tracking for {lead.Company}'s vehicles. Is text easier?";
        await Assertions.Expect(page.Locator("[data-testid=composer-preview]")).ToContainTextAsync(expected);
        await page.ClickAsync("[data-testid=composer-send]");

        var outBubble = page.Locator("[data-testid=sms-bubble][data-direction=out]").Last;
        await Assertions.Expect(outBubble.Locator("[data-testid=sms-text]")).ToHaveTextAsync(expected);
        await Assertions.Expect(outBubble.Locator("[data-testid=sms-status]")).ToHaveTextAsync("Queued");
        var sent = await Eventually.GetAsync(() => Task.FromResult(_phone.Sent.Count > 0 ? _phone.Sent[^1] : (System.Text.Json.JsonElement?)null), what: "the gateway send");
        Assert.Equal(expected, sent!.Value.GetProperty("textMessage").GetProperty("text").GetString());
        Assert.Equal(lead.Phone, sent.Value.GetProperty("phoneNumbers")[0].GetString());

        await _phone.PostAsync(_http, FakeSmsGateway.Status("sms:delivered", sent.Value.GetProperty("id").GetString()!));
        await Assertions.Expect(outBubble.Locator("[data-testid=sms-status]")).ToHaveTextAsync("Delivered");

        // A variable with no value refuses the send instead of texting a blank.
        await page.FillAsync("[data-testid=composer-body]", "Your invoice: {{invoice.link}}");
        await page.ClickAsync("[data-testid=composer-send]");
        // The refusal is told on the body field (its accessible description), naming the variable.
        await Assertions.Expect(page.Locator("[data-testid=composer-body]")).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex(@"\{\{invoice\.link\}\}"));

        await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-tpl-stop", lead.Phone, "STOP"));
        await Assertions.Expect(page.Locator("[data-testid=composer-refusal]")).ToContainTextAsync("opted out");
        await Assertions.Expect(page.Locator("[data-testid=composer-send]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_text_from_an_unknown_number_opens_a_lead_and_a_logged_call_lands_in_its_call_conversation()
    {
        var page = await SignedInAsync("operator@gpsleaders.test");
        await OpenAsync(page, "/inbox");
        await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-unknown-1", "(737) 555-2468", "Saw your truck ad, pricing?"));

        var row = page.Locator("[data-testid=inbox-row]", new() { HasText = "Saw your truck ad" });
        // Known only by the number, and named by it as people write it, not as the E.164 it is stored as.
        await Assertions.Expect(row.Locator("[data-testid=inbox-row-name]")).ToHaveTextAsync("(737) 555-2468");
        await row.ClickAsync();
        await page.ClickAsync("[data-testid=conversation-lead-link]");
        await Assertions.Expect(page.Locator("[data-testid=lead-stage-badge]")).ToHaveTextAsync(LeadStages.Label(LeadStage.NEW_LEAD));
        string leadId;
        await using (var db = Db())
        {
            var lead = await db.Leads.Include(l => l.Contact).SingleAsync(l => l.Contact.PhoneE164 == "+17375552468");
            Assert.Equal(("inbound_sms", "inbound_sms"), (lead.Source, lead.Contact.Source));
            leadId = lead.Id;
        }
        await WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=lead-log-call] summary");
        await page.FillAsync("[data-testid=log-call-notes]", "Wants 12 units, call back Friday");
        await page.ClickAsync("[data-testid=log-call-save]");
        await Assertions.Expect(page.Locator("[data-testid=log-call-done]")).ToBeVisibleAsync();

        await OpenAsync(page, "/inbox");
        await page.ClickAsync("[data-testid=inbox-channel-call]");
        var callRow = page.Locator("[data-testid=inbox-row]").First;
        await Assertions.Expect(callRow).ToContainTextAsync("Wants 12 units");
        await callRow.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=call-entry]")).ToContainTextAsync("connected");
        await using var check = Db();
        Assert.Equal(1, await check.CallLogs.CountAsync(c => c.LeadId == leadId && c.Notes == "Wants 12 units, call back Friday"));
    }
}

/// <summary>Two app instances on one database: a text that reaches one instance shows in a browser on the other.</summary>
public class InboxAcrossInstancesTests : BrowserTest
{
    [Fact]
    public async Task An_inbound_text_posted_to_one_instance_updates_the_badge_on_the_other()
    {
        string adminId, phone;
        int before;
        await using (var db = Db())
        {
            adminId = await db.Users.Where(u => u.Role == UserRole.ADMIN).Select(u => u.Id).FirstAsync();
            phone = await db.Contacts.Where(c => c.IsSmsEligible && !db.Conversations.Any(x => x.ContactId == c.Id && x.Channel == ConversationChannel.SMS)).OrderBy(c => c.Id).Select(c => c.PhoneE164!).FirstAsync();
            before = await InboxTests.UnreadBeforeAsync(db);
        }
        var connection = Service<GpsLeaders.Blazor.Platform.AppDatabase>().ConnectionString;
        await using var other = new CrmAppFactory(connection);
        using var phoneFake = await FakeSmsGateway.RegisterAsync(other.Services, adminId);
        using var toOther = other.CreateRealClient();

        var page = await SignedInAsync("admin@gpsleaders.test");
        await OpenAsync(page, "/inbox");
        var response = await phoneFake.PostAsync(toOther, FakeSmsGateway.Received("evt-cross-1", phone, "Sent to the other instance"));
        Assert.True(response.IsSuccessStatusCode);
        await InboxTests.ExpectBadgeAsync(page, before + 1);
        await Assertions.Expect(page.Locator("[data-testid=inbox-row-preview]").First).ToHaveTextAsync("Sent to the other instance");
    }
}
