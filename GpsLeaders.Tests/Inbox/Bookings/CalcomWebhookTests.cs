using System.Net;
using GpsLeaders.Data;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Inbox;
using GpsLeaders.Data.Inbox.Bookings;
using GpsLeaders.Data.Users;
using GpsLeaders.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GpsLeaders.Tests.Inbox.Bookings.CalcomDeliveries;

namespace GpsLeaders.Tests.Inbox.Bookings;

/// <summary>POST /webhooks/calcom through real HTTP on the real app: signature, parsing, the booking, its contact, lead, task and Activity.</summary>
public class CalcomWebhookTests : IAsyncLifetime
{
    CrmAppFactory _app = default!;
    HttpClient _client = default!;
    User _rep = default!;
    Company _company = default!;
    static readonly DateTime Start = new(2030, 3, 14, 15, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _app = new CrmAppFactory(await TestDatabases.CreateMigratedAsync());
        _client = _app.CreateRealClient();
        var admin = await Get<UserAccounts>().CreateAdminAsync("admin@example.com", "Ada", "Admin", "Long-enough-1");
        _rep = await Get<UserAccounts>().CreateAdminAsync("rep@example.com", "Rita", "Rep", "Long-enough-2");
        await using (var db = Db())
        {
            (await db.Users.SingleAsync(u => u.Id == _rep.Id)).Role = UserRole.REP;
            await db.SaveChangesAsync();
        }
        _company = await Get<CompanyService>().CreateAsync(new CompanyInput("Acme Towing LLC", AssignedRepId: _rep.Id), admin.Id);
        await Get<ContactService>().CreateAsync(new ContactInput("Dana", "Diaz", "dana@acmetowing.com", CompanyId: _company.Id), admin.Id);
        await Get<CalcomSettings>().SetSecretAsync(Secret, admin.Id);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();
    CrmDbContext Db() => Get<IDbContextFactory<CrmDbContext>>().CreateDbContext();

    [Theory]
    [InlineData("/admin/calcom")]
    [InlineData("/admin/templates")]
    public async Task The_settings_pages_need_a_signed_in_admin(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_missing_or_wrong_signature_is_refused_and_nothing_is_stored()
    {
        var json = Envelope("BOOKING_CREATED", "uid-unsigned", Start, "dana@acmetowing.com");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, json, signWith: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, json, signWith: "another-secret-entirely")).StatusCode);
        // Signed, then altered: the signature no longer covers the bytes.
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        using var tampered = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json.Replace("GPS tracking demo", "Free money")));
        tampered.Headers.Add(CalcomWebhook.SignatureHeader, CalcomWebhook.Sign(body, Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _client.PostAsync("/webhooks/calcom", tampered)).StatusCode);
        await using var db = Db();
        Assert.Equal(0, await db.Bookings.CountAsync());
        Assert.Equal(0, await db.Activities.CountAsync(a => a.ActivityType.StartsWith("booking.")));
    }

    [Fact]
    public async Task Malformed_json_or_a_payload_without_uid_or_start_is_a_400_and_nothing_is_stored()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_client, "{\"triggerEvent\": \"BOOKING_CREATED\", \"payload\": {")).StatusCode);
        var noUid = Envelope("BOOKING_CREATED", "", Start, "dana@acmetowing.com");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_client, noUid)).StatusCode);
        var noStart = Envelope("BOOKING_CREATED", "uid-nostart", Start, "dana@acmetowing.com").Replace("\"startTime\"", "\"startedAt\"");
        var response = await PostAsync(_client, noStart);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("payload.startTime", await response.Content.ReadAsStringAsync());
        // Cal.com's "Ping test" is acknowledged, and stores nothing either.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, "{\"triggerEvent\":\"PING\",\"payload\":{}}")).StatusCode);
        await using var db = Db();
        Assert.Equal(0, await db.Bookings.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync(c => c.Source == BookingService.Source));
    }

    [Fact]
    public async Task A_new_booking_links_the_known_contact_and_gives_the_companys_rep_a_task()
    {
        var response = await PostAsync(_client, Envelope("BOOKING_CREATED", "uid-known-1", Start, "Dana@AcmeTowing.com", "Dana Diaz"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var booking = await db.Bookings.Include(b => b.Lead).SingleAsync();
        Assert.Equal(("uid-known-1", BookingStatus.SCHEDULED, Start, Start.AddMinutes(15)), (booking.CalBookingUid, booking.Status, booking.StartAt, booking.EndAt));
        Assert.Equal("https://cal.example.com/video/abc", booking.MeetingUrl);
        Assert.Equal(_company.Id, booking.Lead!.CompanyId);
        Assert.Contains("uid-known-1", booking.RawPayload);
        var contact = await db.Contacts.SingleAsync(c => c.Id == booking.ContactId);
        Assert.Equal("dana@acmetowing.com", contact.EmailNormalized);
        var task = await db.Tasks.SingleAsync(t => t.CalendarEventId == "uid-known-1");
        Assert.Equal((_rep.Id, Start, booking.LeadId), (task.AssignedToId, task.DueAt!.Value, task.LeadId));
        Assert.Equal("Meeting: GPS tracking demo with Dana Diaz", task.Title);
        var activity = await db.Activities.SingleAsync(a => a.ActivityType == "booking.created");
        Assert.Equal((booking.LeadId, _company.Id, contact.Id), (activity.LeadId, activity.CompanyId, activity.ContactId));
    }

    [Fact]
    public async Task An_unknown_attendee_becomes_a_contact_with_a_lead_and_the_same_event_twice_is_stored_once()
    {
        var json = Envelope("BOOKING_CREATED", "uid-stranger", Start, "new.person@fleetco.com", "Pat Newman");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, json)).StatusCode);
        // Two at once (a Cal.com retry racing the first delivery) still make one of each.
        var again = Envelope("BOOKING_CREATED", "uid-stranger-2", Start.AddDays(1), "other.person@fleetco.com");
        var both = await Task.WhenAll(PostAsync(_client, again), PostAsync(_client, again));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        await using var db = Db();
        var booking = await db.Bookings.SingleAsync(b => b.CalBookingUid == "uid-stranger");
        var contact = await db.Contacts.SingleAsync(c => c.EmailNormalized == "new.person@fleetco.com");
        Assert.Equal(("Pat", "Newman", BookingService.Source), (contact.FirstName, contact.LastName, contact.Source));
        var lead = await db.Leads.SingleAsync(l => l.ContactId == contact.Id);
        Assert.Equal((lead.Id, contact.Id), (booking.LeadId!, booking.ContactId!));
        var task = await db.Tasks.SingleAsync(t => t.CalendarEventId == "uid-stranger");
        Assert.Null(task.AssignedToId); // no company, no rep: unassigned
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "booking.created" && a.LeadId == lead.Id));
        Assert.Equal(1, await db.Bookings.CountAsync(b => b.CalBookingUid == "uid-stranger-2"));
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.CalendarEventId == "uid-stranger-2"));
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.EmailNormalized == "other.person@fleetco.com"));
        Assert.Equal(2, await db.Activities.CountAsync(a => a.ActivityType == "booking.created"));
    }

    [Fact]
    public async Task A_reschedule_marks_the_old_booking_and_moves_its_task_and_a_cancel_completes_it()
    {
        await PostAsync(_client, Envelope("BOOKING_CREATED", "uid-first", Start, "dana@acmetowing.com", "Dana Diaz"));
        var later = Start.AddDays(2).AddHours(1);
        var moved = Envelope("BOOKING_RESCHEDULED", "uid-second", later, "dana@acmetowing.com", "Dana Diaz", rescheduleUid: "uid-first");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, moved)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, moved)).StatusCode); // redelivered

        await using (var db = Db())
        {
            var old = await db.Bookings.SingleAsync(b => b.CalBookingUid == "uid-first");
            var current = await db.Bookings.SingleAsync(b => b.CalBookingUid == "uid-second");
            Assert.Equal((BookingStatus.RESCHEDULED, BookingStatus.SCHEDULED, later), (old.Status, current.Status, current.StartAt));
            Assert.Equal(old.LeadId, current.LeadId);
            var task = await db.Tasks.SingleAsync(t => t.LeadId == current.LeadId);
            Assert.Equal(("uid-second", later, false), (task.CalendarEventId!, task.DueAt!.Value, task.IsCompleted));
            Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "booking.rescheduled"));
        }

        var cancel = Envelope("BOOKING_CANCELLED", "uid-second", later, "dana@acmetowing.com", "Dana Diaz", cancellationReason: "Bought elsewhere");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, cancel)).StatusCode);
        await using (var db = Db())
        {
            var cancelled = await db.Bookings.SingleAsync(b => b.CalBookingUid == "uid-second");
            Assert.Equal((BookingStatus.CANCELLED, "Bought elsewhere"), (cancelled.Status, cancelled.CancelReason));
            Assert.NotNull(cancelled.CancelledAt);
            var task = await db.Tasks.SingleAsync(t => t.CalendarEventId == "uid-second");
            Assert.True(task.IsCompleted);
            Assert.Contains("Bought elsewhere", task.Description);
            Assert.Equal(1, await db.Activities.CountAsync(a => a.ActivityType == "booking.cancelled"));
            Assert.Equal(2, await db.Bookings.CountAsync());
        }
    }

    [Fact]
    public async Task An_older_reschedule_delivered_after_a_cancel_changes_nothing()
    {
        var t0 = DateTime.UtcNow.AddMinutes(-30);
        await PostAsync(_client, Envelope("BOOKING_CREATED", "uid-keep", Start, "dana@acmetowing.com", "Dana Diaz", createdAt: t0));
        await PostAsync(_client, Envelope("BOOKING_CANCELLED", "uid-keep", Start, "dana@acmetowing.com", "Dana Diaz", cancellationReason: "No budget", createdAt: t0.AddMinutes(10)));
        // Cal.com redelivers two reschedules made before the cancel: one to a new uid, one that kept the uid.
        var toNewUid = Envelope("BOOKING_RESCHEDULED", "uid-moved", Start.AddDays(1), "dana@acmetowing.com", "Dana Diaz", rescheduleUid: "uid-keep", createdAt: t0.AddMinutes(5));
        var inPlace = Envelope("BOOKING_RESCHEDULED", "uid-keep", Start.AddDays(2), "dana@acmetowing.com", "Dana Diaz", createdAt: t0.AddMinutes(6));
        foreach (var late in new[] { toNewUid, inPlace })
        {
            var response = await PostAsync(_client, late);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Outdated", await response.Content.ReadAsStringAsync());
        }

        await using var db = Db();
        var booking = await db.Bookings.SingleAsync();
        Assert.Equal(("uid-keep", BookingStatus.CANCELLED, Start, "No budget"), (booking.CalBookingUid, booking.Status, booking.StartAt, booking.CancelReason));
        var task = await db.Tasks.SingleAsync();
        Assert.Equal(("uid-keep", Start, true), (task.CalendarEventId!, task.DueAt!.Value, task.IsCompleted));
        Assert.Equal(0, await db.Activities.CountAsync(a => a.ActivityType == "booking.rescheduled"));
    }

    [Fact]
    public async Task A_reschedule_made_after_the_cancel_does_apply()
    {
        var t0 = DateTime.UtcNow.AddMinutes(-30);
        await PostAsync(_client, Envelope("BOOKING_CREATED", "uid-back", Start, "dana@acmetowing.com", "Dana Diaz", createdAt: t0));
        await PostAsync(_client, Envelope("BOOKING_CANCELLED", "uid-back", Start, "dana@acmetowing.com", "Dana Diaz", createdAt: t0.AddMinutes(1)));
        var response = await PostAsync(_client, Envelope("BOOKING_RESCHEDULED", "uid-back-2", Start.AddDays(3), "dana@acmetowing.com", "Dana Diaz",
            rescheduleUid: "uid-back", createdAt: t0.AddMinutes(2)));
        Assert.Contains("Rescheduled", await response.Content.ReadAsStringAsync());
        await using var db = Db();
        Assert.Equal(BookingStatus.SCHEDULED, (await db.Bookings.SingleAsync(b => b.CalBookingUid == "uid-back-2")).Status);
        Assert.False((await db.Tasks.SingleAsync()).IsCompleted);
    }

    [Fact]
    public async Task A_nul_escape_in_a_booking_is_cleaned_and_stored_never_a_500()
    {
        var json = Envelope("BOOKING_CREATED", "uid-nul", Start, "dana@acmetowing.com", "Dana\u0000 Diaz", title: "Demo\u0000 call");
        Assert.Contains("\\u0000", json);
        var response = await PostAsync(_client, json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = Db();
        var booking = await db.Bookings.SingleAsync();
        Assert.Equal(("Dana Diaz", "Demo call"), (booking.AttendeeName, booking.EventTypeTitle));
        Assert.DoesNotContain("\\u0000", booking.RawPayload);
    }
}
