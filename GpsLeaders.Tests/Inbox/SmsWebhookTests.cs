using System.Net;
using GpsLeaders.Data;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Sms;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GpsLeaders.Tests.Inbox;

/// <summary>The gateway webhook through real HTTP on a real Kestrel, with WireMock playing the phone.</summary>
public sealed class SmsWebhookTests : IAsyncLifetime
{
    CrmAppFactory _app = default!;
    FakeSmsGateway _phone = default!;
    HttpClient _http = default!;
    User _admin = default!;

    public async Task InitializeAsync()
    {
        _app = new CrmAppFactory(await TestDatabases.CreateMigratedAsync());
        _http = _app.CreateRealClient();
        _admin = await Get<UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        _phone = await FakeSmsGateway.RegisterAsync(_app.Services, _admin.Id);
    }

    public async Task DisposeAsync()
    {
        _phone.Dispose();
        _http.Dispose();
        await _app.DisposeAsync();
    }

    T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();
    CrmDbContext Db() => Get<IDbContextFactory<CrmDbContext>>().CreateDbContext();

    async Task<Lead> LeadAsync(string first, string phone)
    {
        var lead = await Get<LeadService>().CreateAsync(new LeadInput(null, new ContactInput(first, "Test", Phone: phone), null), _admin.Id);
        return lead;
    }

    [Fact]
    public async Task A_wrong_or_missing_or_stale_signature_is_refused_and_nothing_is_stored()
    {
        var body = FakeSmsGateway.Received("evt-1", "+15125552111", "hello");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _phone.PostAsync(_http, body, sign: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _phone.PostAsync(_http, body, key: "not-the-key")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _phone.PostAsync(_http, body, at: DateTimeOffset.UtcNow.AddMinutes(-6))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _phone.PostAsync(_http, body, gatewayId: "no-such-gateway")).StatusCode);
        await using var db = Db();
        Assert.Equal(0, await db.SmsMessages.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
        Assert.Equal(0, await db.Conversations.CountAsync());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("{\"event\":\"sms:received\",\"id\":\"e1\",\"payload\":{\"message\":\"hi\"}}")]
    [InlineData("{\"event\":\"sms:received\",\"payload\":{\"message\":\"hi\",\"sender\":\"+15125552111\"}}")]
    public async Task A_malformed_event_is_a_400_and_nothing_is_stored(string body)
    {
        var response = await _phone.PostAsync(_http, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = Db();
        Assert.Equal(0, await db.SmsMessages.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task The_same_event_twice_is_stored_once_while_a_repeated_text_under_a_new_event_id_is_a_new_message()
    {
        var lead = await LeadAsync("Rita", "(512) 555-2111");
        var body = FakeSmsGateway.Received("evt-dup", "+15125552111", "Yes please");
        Assert.Equal(HttpStatusCode.OK, (await _phone.PostAsync(_http, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _phone.PostAsync(_http, body)).StatusCode);
        // Same text, same gateway messageId, another event: the phone got it twice, so the CRM shows it twice.
        Assert.Equal(HttpStatusCode.OK, (await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-dup-2", "+15125552111", "Yes please"))).StatusCode);

        await using var db = Db();
        Assert.Equal(2, await db.SmsMessages.CountAsync(m => m.LeadId == lead.Id && m.Direction == MessageDirection.INBOUND));
        var conversation = await db.Conversations.SingleAsync(c => c.LeadId == lead.Id);
        Assert.Equal((ConversationChannel.SMS, 2, "Yes please"), (conversation.Channel, conversation.UnreadCount, conversation.LastMessagePreview));
        Assert.Equal(2, await db.Activities.CountAsync(a => a.LeadId == lead.Id && a.ActivityType == "sms.received"));
        Assert.NotNull((await db.SmsGateways.SingleAsync()).LastSeenAt);
    }

    [Fact]
    public async Task A_text_from_an_unknown_number_opens_a_new_contact_and_lead()
    {
        var response = await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-new", "(737) 555-2188", "Who is this? Saw your ad"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal(("+17375552188", "inbound_sms"), (contact.PhoneE164, contact.Source));
        var lead = await db.Leads.SingleAsync();
        Assert.Equal((contact.Id, "inbound_sms", LeadStage.NEW_LEAD), (lead.ContactId, lead.Source, lead.Stage));
        Assert.Equal(1, (await db.Conversations.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task Stop_opts_the_contact_out_confirms_once_and_the_composer_refuses_until_start()
    {
        var lead = await LeadAsync("Sam", "512-555-2122");
        await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-stop", "+15125552122", "STOP"));
        await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-stop-2", "+15125552122", "stop"));
        await using (var db = Db()) Assert.False((await db.Contacts.SingleAsync()).IsSmsEligible);

        var confirmations = await Eventually.GetAsync(async () =>
        {
            await Task.Delay(100);
            var sent = _phone.Sent;
            return sent.Count > 0 ? sent : null;
        }, what: "the opt-out confirmation");
        await Task.Delay(500); // a second STOP must not confirm again
        Assert.Single(_phone.Sent);
        Assert.Equal(SmsWebhookHandling.OptOutConfirmation, confirmations[0].GetProperty("textMessage").GetProperty("text").GetString());

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Get<SmsSending>().SendAsync(lead.Id, "Are you sure?", _admin.Id));
        Assert.Contains("opted out", refused.Errors["to"]);

        await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-start", "+15125552122", "START"));
        await using (var db = Db()) Assert.True((await db.Contacts.SingleAsync()).IsSmsEligible);
        await Get<SmsSending>().SendAsync(lead.Id, "Welcome back", _admin.Id);
    }

    [Fact]
    public async Task A_reply_reaches_the_phone_exactly_and_status_webhooks_move_it_forward_only()
    {
        var lead = await LeadAsync("Tess", "(512) 555-2133");
        var message = await Get<SmsSending>().SendAsync(lead.Id, "GL300 is $79 — want one?", _admin.Id);

        var sent = Assert.Single(_phone.Sent);
        Assert.Equal("GL300 is $79 — want one?", sent.GetProperty("textMessage").GetProperty("text").GetString());
        Assert.Equal("+15125552133", sent.GetProperty("phoneNumbers")[0].GetString());
        Assert.Equal(message.Id, sent.GetProperty("id").GetString());
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{FakeSmsGateway.Username}:{FakeSmsGateway.Password}")),
            Assert.Single(_phone.AuthorizationHeaders));

        await _phone.PostAsync(_http, FakeSmsGateway.Status("sms:delivered", message.Id));
        await _phone.PostAsync(_http, FakeSmsGateway.Status("sms:sent", message.Id)); // late: must not move it back
        await using var db = Db();
        var stored = await db.SmsMessages.SingleAsync(m => m.Id == message.Id);
        Assert.Equal(SmsStatus.DELIVERED, stored.Status);
        Assert.NotNull(stored.SentAt);
        Assert.Equal(0, (await db.Conversations.SingleAsync(c => c.LeadId == lead.Id)).UnreadCount);
    }

    [Fact]
    public async Task A_gateway_that_refuses_the_send_leaves_the_message_failed_with_the_reason()
    {
        var lead = await LeadAsync("Uma", "(512) 555-2144");
        _phone.Server.Reset();
        _phone.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/message").UsingPost())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(401));
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Get<SmsSending>().SendAsync(lead.Id, "Hello?", _admin.Id));
        Assert.Contains("refused the username or password", error.Errors["gateway"]);
        await using var db = Db();
        Assert.Equal(SmsStatus.FAILED, (await db.SmsMessages.SingleAsync()).Status);
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "sms.failed"));
    }

    [Fact]
    public async Task Two_hundred_concurrent_webhooks_for_twenty_leads_store_every_message_once_with_exact_unread_counts()
    {
        var leads = new List<Lead>();
        for (var i = 0; i < 20; i++) leads.Add(await LeadAsync($"Lead{i}", $"(512) 555-{1000 + i}"));
        // Ten distinct texts per lead, and every tenth one delivered twice, all at once.
        var bodies = Enumerable.Range(0, 200).Select(n => FakeSmsGateway.Received($"evt-{n}", $"+1512555{1000 + n % 20}", $"message {n}")).ToList();
        var all = bodies.Concat(bodies.Where((_, n) => n % 10 == 0)).OrderBy(_ => Random.Shared.Next()).ToList();
        var responses = await Task.WhenAll(all.Select(b => _phone.PostAsync(_http, b)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await using var db = Db();
        Assert.Equal(200, await db.SmsMessages.CountAsync(m => m.Direction == MessageDirection.INBOUND));
        Assert.Equal(20, await db.Conversations.CountAsync());
        Assert.All(await db.Conversations.ToListAsync(), c => Assert.Equal(10, c.UnreadCount));
        Assert.Equal(20, await db.Contacts.CountAsync()); // nobody was created twice
        Assert.Equal(200, await db.Activities.CountAsync(a => a.ActivityType == "sms.received"));
    }

    [Fact]
    public async Task A_signed_five_megabyte_text_is_refused_with_413_and_nothing_is_stored()
    {
        var body = FakeSmsGateway.Received("evt-huge", "+15125552111", new string('x', 5 * 1024 * 1024));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _phone.PostAsync(_http, body, expectContinue: true)).StatusCode);
        await using var db = Db();
        Assert.Equal(0, await db.SmsMessages.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task A_text_longer_than_ten_segments_is_kept_cut_at_the_cap_and_marked()
    {
        var response = await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-long", "+15125552111", new string('y', 3000)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var stored = (await db.SmsMessages.SingleAsync()).Body;
        Assert.Equal(SmsSending.MaxLength, stored.Length);
        Assert.EndsWith(StorableText.TruncationMarker, stored);
    }

    [Fact]
    public async Task A_nul_byte_in_the_text_or_sender_is_cleaned_and_stored_never_a_500()
    {
        var response = await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-nul", "+1512555\u00002111", "Call me\u0000 at noon"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var message = await db.SmsMessages.SingleAsync();
        Assert.Equal(("Call me at noon", "+15125552111"), (message.Body, message.FromNumber));
        Assert.Equal("+15125552111", (await db.Contacts.SingleAsync()).PhoneE164);
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_is_a_400_or_stored_cleaned_never_a_500()
    {
        var body = FakeSmsGateway.Received("evt-surrogate", "+15125552111", "PLACEHOLDER").Replace("PLACEHOLDER", "half \\ud83d of a smiley");
        var response = await _phone.PostAsync(_http, body);
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest });
        await using var db = Db();
        if (response.StatusCode == HttpStatusCode.OK) Assert.Equal("half \uFFFD of a smiley", (await db.SmsMessages.SingleAsync()).Body);
        else Assert.Equal(0, await db.SmsMessages.CountAsync());
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2001-01-01T00:00:00Z")]
    public async Task An_event_time_far_in_the_future_or_past_is_stored_as_the_time_it_arrived(string claimed)
    {
        var body = FakeSmsGateway.Envelope("sms:received", "evt-clock", new { messageId = "m-1", message = "hello", sender = "+15125552111", recipient = FakeSmsGateway.FromNumber, simNumber = 1, receivedAt = claimed });
        var before = DateTime.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await _phone.PostAsync(_http, body)).StatusCode);
        var after = DateTime.UtcNow.AddSeconds(1);
        await using var db = Db();
        var message = await db.SmsMessages.SingleAsync();
        Assert.InRange(message.CreatedAt, before, after);
        Assert.InRange((await db.Conversations.SingleAsync()).LastMessageAt!.Value, before, after);
        Assert.InRange((await db.Activities.SingleAsync(a => a.ActivityType == "sms.received")).OccurredAt, before, after);
    }

    [Theory]
    [InlineData("{\"event\":\"sms:received\",\"id\":\"e1\",\"payload\":{\"message\":\"hi\",\"sender\":\"+15125552111\",\"receivedAt\":\"not a time\"}}")]
    [InlineData("{\"event\":\"sms:received\",\"id\":\"e1\",\"payload\":5}")]
    [InlineData("{\"event\":\"sms:received\",\"id\":[1],\"payload\":{}}")]
    [InlineData("[\"not\", \"an\", \"object\"]")]
    public async Task Malformed_json_is_a_400_that_names_no_internal_type(string body)
    {
        var response = await _phone.PostAsync(_http, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Malformed JSON", text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("GpsLeaders", text);
        Assert.DoesNotContain("`1", text);
    }

    [Fact]
    public async Task Thirty_simultaneous_first_texts_from_a_number_that_is_not_e164_make_one_contact_and_one_lead()
    {
        var bodies = Enumerable.Range(0, 30).Select(n => FakeSmsGateway.Received($"evt-short-{n}", "12345", $"deal {n}")).ToList();
        var responses = await Task.WhenAll(bodies.Select(b => _phone.PostAsync(_http, b)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await using var db = Db();
        var contact = await db.Contacts.SingleAsync();
        Assert.Equal(("12345", null), (contact.Phone, contact.PhoneE164));
        var lead = await db.Leads.SingleAsync();
        Assert.Equal(30, await db.SmsMessages.CountAsync(m => m.LeadId == lead.Id && m.ContactId == contact.Id));
        Assert.Equal(30, (await db.Conversations.SingleAsync()).UnreadCount);
    }

    [Fact]
    public async Task A_text_from_a_number_that_is_not_e164_reaches_the_contact_that_has_it_raw()
    {
        var lead = await LeadAsync("Kim", "12345");
        Assert.Equal(HttpStatusCode.OK, (await _phone.PostAsync(_http, FakeSmsGateway.Received("evt-raw", " 12345 ", "It's Kim"))).StatusCode);
        await using var db = Db();
        Assert.Equal(1, await db.Contacts.CountAsync());
        Assert.Equal(lead.Id, (await db.SmsMessages.SingleAsync()).LeadId);
    }
}
