using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Inbox;

/// <summary>The outcome of filling a template: the text, and every variable that had no value (then nothing may be sent).</summary>
public sealed record RenderedMessage(string Text, string? Subject, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown)
{
    public bool CanSend => Missing.Count == 0 && Unknown.Count == 0;

    public string Problem => Unknown.Count > 0
        ? $"Unknown variable{(Unknown.Count > 1 ? "s" : "")}: {string.Join(", ", Unknown.Select(v => "{{" + v + "}}"))}."
        : $"No value for {string.Join(", ", Missing.Select(v => "{{" + v + "}}"))}: fill it on the record or edit the message.";
}

/// <summary>
/// Fills <c>{{contact.firstName}}</c>-style variables from a lead, its contact, company and rep. A variable with no
/// value is reported, never replaced by a blank, so a customer never gets "Hi ,".
/// </summary>
public static partial class TemplateRendering
{
    /// <summary>Every variable a template may use, for the picker.</summary>
    public static readonly IReadOnlyList<string> Variables =
    [
        "contact.firstName", "contact.lastName", "contact.fullName", "contact.email", "contact.phone",
        "company.name", "company.phone", "company.website", "company.city",
        "rep.firstName", "rep.lastName", "rep.fullName", "rep.email",
        "lead.stage", "invoice.link", "invoice.number",
    ];

    [GeneratedRegex(@"\{\{\s*([a-zA-Z]+\.[a-zA-Z]+)\s*\}\}")]
    private static partial Regex Placeholder();

    public static RenderedMessage Render(string body, string? subject, IReadOnlyDictionary<string, string?> values)
    {
        var missing = new List<string>();
        var unknown = new List<string>();
        string Fill(string text) => Placeholder().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var known = Variables.FirstOrDefault(v => v.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null) { if (!unknown.Contains(name)) unknown.Add(name); return m.Value; }
            if (values.TryGetValue(known, out var value) && !string.IsNullOrWhiteSpace(value)) return value.Trim();
            if (!missing.Contains(known)) missing.Add(known);
            return m.Value;
        });
        var text = Fill(body);
        var filledSubject = subject is null ? null : Fill(subject);
        return new RenderedMessage(text, filledSubject, missing, unknown);
    }

    /// <summary>The values for a lead (its contact, company, the company's rep or else the acting user, its latest invoice).</summary>
    public static async Task<Dictionary<string, string?>> ValuesForLeadAsync(CrmDbContext db, string leadId, string? actingUserId,
        string? publicBaseUrl, CancellationToken ct)
    {
        var row = await db.Leads.Where(l => l.Id == leadId).Select(l => new
        {
            l.Stage,
            l.Contact.FirstName, l.Contact.LastName, l.Contact.FullName, l.Contact.Email, l.Contact.Phone,
            Company = l.Company == null ? null : new { l.Company.Name, l.Company.Phone, l.Company.Website, l.Company.AssignedRepId },
            City = l.Company == null ? null : l.Company.Addresses.OrderByDescending(a => a.IsDefaultBilling).Select(a => a.City).FirstOrDefault(),
            Invoice = l.Invoices.OrderByDescending(i => i.CreatedAt).Select(i => new { i.InvoiceNumber, i.PaymentToken }).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct) ?? throw new Platform.ValidationFailedException("leadId", "That lead no longer exists.");
        var repId = row.Company?.AssignedRepId ?? actingUserId;
        var rep = repId is null ? null : await db.Users.Where(u => u.Id == repId).Select(u => new { u.FirstName, u.LastName, u.Email }).FirstOrDefaultAsync(ct);
        return new Dictionary<string, string?>
        {
            ["contact.firstName"] = row.FirstName, ["contact.lastName"] = row.LastName, ["contact.fullName"] = row.FullName,
            ["contact.email"] = row.Email, ["contact.phone"] = row.Phone,
            ["company.name"] = row.Company?.Name, ["company.phone"] = row.Company?.Phone, ["company.website"] = row.Company?.Website, ["company.city"] = row.City,
            ["rep.firstName"] = rep?.FirstName, ["rep.lastName"] = rep?.LastName,
            ["rep.fullName"] = rep is null ? null : $"{rep.FirstName} {rep.LastName}".Trim(), ["rep.email"] = rep?.Email,
            ["lead.stage"] = Leads.LeadStages.Label(row.Stage),
            ["invoice.number"] = row.Invoice?.InvoiceNumber,
            ["invoice.link"] = row.Invoice?.PaymentToken is { } token && publicBaseUrl is not null ? $"{publicBaseUrl.TrimEnd('/')}/i/{token}" : null,
        };
    }

    /// <summary>SMS segments: GSM-7 160 per message (153 when split), UCS-2 70 (67) as soon as one character is outside GSM-7.</summary>
    public static (int Segments, int Characters, bool Unicode) SmsSegments(string text)
    {
        var unicode = text.Any(c => !Gsm7.Contains(c));
        var units = unicode ? text.Length : text.Sum(c => Gsm7Extended.Contains(c) ? 2 : 1);
        if (units == 0) return (0, 0, unicode);
        var (single, multi) = unicode ? (70, 67) : (160, 153);
        return (units <= single ? 1 : (units + multi - 1) / multi, text.Length, unicode);
    }

    const string Gsm7Basic = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    const string Gsm7Extended = "^{}\\[~]|€";
    static readonly HashSet<char> Gsm7 = [.. Gsm7Basic, .. Gsm7Extended];
}
