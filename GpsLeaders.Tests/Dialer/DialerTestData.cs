using GpsLeaders.Data;
using GpsLeaders.Data.Dialer;
using GpsLeaders.Data.Settings;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Tests.Dialer;

/// <summary>Arranging dialer tests on the demo data: callable leads, a call list of them, calling hours open all day.</summary>
internal static class DialerTestData
{
    /// <summary>Demo leads the dialer would show: not DNC, a phone, no call in the last two hours, one lead per contact.</summary>
    public static async Task<List<string>> CallableLeadsAsync(CrmDbContext db, int count, int skip = 0)
    {
        var recent = DateTime.UtcNow.AddHours(-2);
        return await db.Leads.Where(l => !l.IsDnc && l.Contact.PhoneE164 != null && l.Contact.FullName != null && l.CompanyId != null
                && !db.CallLogs.Any(c => c.LeadId == l.Id && c.CreatedAt >= recent)
                && !db.Leads.Any(o => o.ContactId == l.ContactId && o.Id != l.Id))
            .OrderBy(l => l.Id).Skip(skip).Take(count).Select(l => l.Id).ToListAsync();
    }

    public static async Task<CallList> CreateListAsync(CrmDbContext db, IEnumerable<string> leadIds, string name = "Test list")
    {
        var list = new CallList { Name = name, LeadIds = leadIds.ToList() };
        db.CallLists.Add(list);
        await db.SaveChangesAsync();
        return list;
    }

    /// <summary>Tests run at any hour: open the calling window to the whole day unless a test is about it.</summary>
    public static async Task OpenAllDayAsync(CrmDbContext db)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == DialerSettings.CallingHoursKey);
        const string json = """{"start":"00:00","end":"24:00"}""";
        if (row is null) db.Settings.Add(new Setting { Key = DialerSettings.CallingHoursKey, Value = json });
        else row.Value = json;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Puts the leads' contacts on Chicago time and sets a one-hour calling window that Chicago is not in now, nor for the
    /// next hour; returns the hour (Chicago) the window opens.
    /// </summary>
    public static async Task<int> CloseHoursForChicagoAsync(CrmDbContext db, IEnumerable<string> leadIds, DateTime nowUtc)
    {
        var ids = leadIds.ToList();
        await db.Contacts.Where(c => db.Leads.Any(l => ids.Contains(l.Id) && l.ContactId == c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Timezone, "America/Chicago"));
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("America/Chicago"));
        var opens = (local.Hour + 2) % 24;
        await SetHoursAsync(db, $"{opens:00}:00", opens == 23 ? "24:00" : $"{opens + 1:00}:00");
        return opens;
    }

    public static async Task SetHoursAsync(CrmDbContext db, string start, string end)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == DialerSettings.CallingHoursKey);
        var json = $$"""{"start":"{{start}}","end":"{{end}}"}""";
        if (row is null) db.Settings.Add(new Setting { Key = DialerSettings.CallingHoursKey, Value = json });
        else row.Value = json;
        await db.SaveChangesAsync();
    }

    public static Task<string> UserIdAsync(CrmDbContext db, string email) =>
        db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
}
