using GpsLeaders.Data.Activities;
using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Leads;
using GpsLeaders.Data.Platform;
using Microsoft.EntityFrameworkCore;

namespace GpsLeaders.Data.Import;

/// <summary>
/// One batch of rows on one DbContext: the match keys of every row are loaded set-wise first (a handful of
/// queries per batch, none per row), then each row is matched in dedupe order — company by Google place id,
/// then normalised name + phone, then contact by normalised email — and merged (empty fields filled only) or
/// created. Rows created earlier in the batch join the same index, so duplicates inside the file merge too.
/// </summary>
internal sealed class ImportBatch(CrmDbContext db, string source, string? campaign, string fileName, string? userId)
{
    readonly Dictionary<string, Company> _byPlaceId = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Company>> _byName = new(StringComparer.Ordinal);
    readonly Dictionary<string, Company> _byId = new(StringComparer.Ordinal);
    readonly Dictionary<string, Contact> _byEmail = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<Contact>> _contactsByCompany = new(StringComparer.Ordinal);
    // Lead ids: any lead by contact + company (a closed one is not re-created), and the open lead of each company
    // (or of each contact without a company), which a matching row reuses instead of adding a second NEW_LEAD.
    readonly Dictionary<string, string> _leads = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> _openLeads = new(StringComparer.Ordinal);
    readonly HashSet<string> _withAddress = new(StringComparer.Ordinal);

    // New rows stay out of the change tracker (tracking 3,000 entities a batch cost more than writing them): COPY takes them from here.
    public List<Company> NewCompanies { get; } = [];
    public List<Contact> NewContacts { get; } = [];
    public List<Lead> NewLeads { get; } = [];
    public List<Activities.Activity> NewActivities { get; } = [];
    public List<CompanyAddress> NewAddresses { get; } = [];

    public int CompaniesCreated { get; private set; }
    public int ContactsCreated { get; private set; }
    public int LeadsCreated { get; private set; }

    public async Task LoadAsync(IReadOnlyList<ImportRow> rows, CancellationToken ct)
    {
        var placeIds = rows.Where(r => r.GooglePlaceId is not null).Select(r => r.GooglePlaceId!).Distinct().ToList();
        var names = rows.Where(r => r.NameKey is not null).Select(r => r.NameKey!).Distinct().ToList();
        var emails = rows.Where(r => r.EmailKey is not null).Select(r => r.EmailKey!).Distinct().ToList();

        var companies = await db.Companies.Where(c => placeIds.Contains(c.GooglePlaceId!) || names.Contains(c.NormalizedName)).ToListAsync(ct);
        var contacts = await db.Contacts.Where(c => emails.Contains(c.EmailNormalized!)).ToListAsync(ct);
        var missing = contacts.Where(c => c.CompanyId is not null).Select(c => c.CompanyId!).Except(companies.Select(c => c.Id)).Distinct().ToList();
        if (missing.Count > 0) companies.AddRange(await db.Companies.Where(c => missing.Contains(c.Id)).ToListAsync(ct));
        var companyIds = companies.Select(c => c.Id).ToList();
        contacts.AddRange(await db.Contacts.Where(c => companyIds.Contains(c.CompanyId!)).ToListAsync(ct));
        var contactIds = contacts.Select(c => c.Id).Distinct().ToList();
        var leads = await db.Leads.AsNoTracking().Where(l => contactIds.Contains(l.ContactId) || companyIds.Contains(l.CompanyId!))
            .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.ContactId, l.CompanyId, l.Stage }).ToListAsync(ct);
        _withAddress.UnionWith(await db.CompanyAddresses.Where(a => companyIds.Contains(a.CompanyId)).Select(a => a.CompanyId).Distinct().ToListAsync(ct));

        foreach (var company in companies.DistinctBy(c => c.Id)) Index(company);
        foreach (var contact in contacts.DistinctBy(c => c.Id)) Index(contact);
        foreach (var lead in leads) Index(lead.Id, lead.ContactId, lead.CompanyId, open: !LeadStages.IsClosed(lead.Stage));
    }

    public RowResult Apply(ImportRow row)
    {
        if (!row.IsValid) return Result(row, RowOutcome.Rejected, string.Join(" ", row.Problems));

        var said = new List<string>(row.Warnings);
        var company = MatchCompany(row, said);
        var contact = row.EmailKey is not null ? _byEmail.GetValueOrDefault(row.EmailKey) : null;
        if (contact is not null)
        {
            if (company is null && contact.CompanyId is not null)
            {
                company = _byId[contact.CompanyId];
                said.Add($"matched company {company.Name} through the email of its contact {ContactRules.DisplayName(contact)}");
            }
            else if (company is not null && contact.CompanyId is not null && contact.CompanyId != company.Id)
                return Result(row, RowOutcome.Rejected,
                    $"Row {row.RowNumber}, email: {row.EmailKey} already belongs to {ContactRules.DisplayName(contact)} at {_byId[contact.CompanyId].Name}, " +
                    $"but the row matched {company.Name}; nothing imported.");
            said.Add($"matched contact {ContactRules.DisplayName(contact)} by email");
        }
        else if (company is not null && row.HasContactDetails) contact = MatchContactOf(company, row, said);

        var companyIsNew = false;
        if (company is null && row.CompanyName is not null) (company, companyIsNew) = (CreateCompany(row, said), true);
        else if (company is not null) Fill(company, row, said);

        if (row.Address is not null) AddAddress(row, company, said);

        // A phone alone is the company's line: beside a company that already exists it makes no contact (that would be
        // a nameless person and a second lead); a new company's first contact holds it, since a lead needs a contact.
        if (contact is null && (row.NamesAPerson || (companyIsNew && row.HasContactDetails))) contact = CreateContact(row, company, said);
        else if (contact is not null) Fill(contact, row, company, said);

        var leadId = FindOrCreateLead(row, company, contact, said);
        var matched = said.Any(s => s.StartsWith("matched", StringComparison.Ordinal));
        return Result(row, matched ? RowOutcome.Merged : RowOutcome.Created, $"Row {row.RowNumber}: {string.Join("; ", said)}.",
            company?.Id, contact?.Id, leadId);
    }

    /// <summary>
    /// The company's open lead (or, without a company, the contact's) when there is one; else the lead this contact
    /// already has at this company, even closed (a re-import never re-opens a lost deal); else a new NEW_LEAD.
    /// </summary>
    string? FindOrCreateLead(ImportRow row, Company? company, Contact? contact, List<string> said)
    {
        var openKey = company is not null ? CompanyKey(company.Id) : contact is not null ? ContactKey(contact.Id) : null;
        if (openKey is not null && _openLeads.TryGetValue(openKey, out var open))
        {
            said.Add(company is not null ? "kept the company's open lead" : "kept the contact's open lead");
            return open;
        }
        if (contact is null)
        {
            said.Add(company is null || !row.HasContactDetails
                ? "no lead: the row has no contact name, email or phone"
                : $"no lead: the row names no contact and {company.Name} has no open lead");
            return null;
        }
        if (_leads.TryGetValue(LeadKey(contact.Id, company?.Id), out var existing))
        {
            said.Add("lead already exists (closed)");
            return existing;
        }
        return CreateLead(row, company, contact, said);
    }

    void AddAddress(ImportRow row, Company? company, List<string> said)
    {
        if (company is null) { said.Add("address not imported: the row has no company to hold it"); return; }
        if (!_withAddress.Add(company.Id)) { said.Add("kept the company's address"); return; }
        var address = new CompanyAddress { CompanyId = company.Id };
        CompanyAddressService.Apply(address, row.Address!); // already checked when the row was read
        NewAddresses.Add(address);
        NewActivities.Add(ActivityLog.New("company.address_added",
            $"Added the address {address.Label} of {company.Name} (default billing and shipping) by import.",
            new { address.Label, Type = address.Type.ToString(), address.AddressLine1, address.City, address.State, address.Zip,
                address.IsDefaultBilling, address.IsDefaultShipping, import = fileName, row = row.RowNumber },
            userId: userId, companyId: company.Id));
        said.Add("address added");
    }

    Company? MatchCompany(ImportRow row, List<string> said)
    {
        if (row.GooglePlaceId is not null && _byPlaceId.TryGetValue(row.GooglePlaceId, out var byPlace))
        {
            said.Add($"matched company {byPlace.Name} by Google place id");
            return byPlace;
        }
        if (row.NameKey is null || !_byName.TryGetValue(row.NameKey, out var named)) return null;
        // Same name and the same phone (E.164 when parseable; both blank counts as the same). A company that has
        // another place id is another branch of a chain, not this one.
        var match = named.Where(c => ImportRow.PhoneKeyOf(c.Phone) == row.PhoneKey && (row.GooglePlaceId is null || c.GooglePlaceId is null))
            .OrderBy(c => c.CreatedAt).FirstOrDefault();
        if (match is not null) said.Add(row.PhoneKey.Length > 0 ? $"matched company {match.Name} by name and phone" : $"matched company {match.Name} by name (neither has a phone)");
        return match;
    }

    Contact? MatchContactOf(Company company, ImportRow row, List<string> said)
    {
        var fullName = string.Join(' ', new[] { row.FirstName, row.LastName }.Where(n => n is not null));
        var match = _contactsByCompany.GetValueOrDefault(company.Id)?.FirstOrDefault(c =>
            (row.EmailKey is null || c.EmailNormalized is null)
            && ((row.PhoneE164 is not null && c.PhoneE164 == row.PhoneE164)
                || (fullName.Length > 0 && string.Equals(c.FullName, fullName, StringComparison.OrdinalIgnoreCase))));
        if (match is not null) said.Add($"matched contact {ContactRules.DisplayName(match)} of that company by {(row.PhoneE164 is not null && match.PhoneE164 == row.PhoneE164 ? "phone" : "name")}");
        return match;
    }

    Company CreateCompany(ImportRow row, List<string> said)
    {
        var (company, created) = CompanyService.Build(row.CompanyInput(source), userId);
        NewCompanies.Add(company);
        NewActivities.Add(created);
        company.GooglePlaceId = row.GooglePlaceId;
        company.GoogleRating = row.GoogleRating;
        company.GoogleReviewCount = row.GoogleReviewCount;
        company.HeroPhotoUrl = row.HeroPhotoUrl;
        company.GoogleMapsUrl = row.GoogleMapsUrl;
        company.AboutDescription = row.About;
        Index(company);
        CompaniesCreated++;
        said.Add("company created");
        return company;
    }

    Contact CreateContact(ImportRow row, Company? company, List<string> said)
    {
        var contact = new Contact();
        var check = new Validation();
        ContactRules.Apply(contact, row.ContactInput(company?.Id, source), check);
        check.ThrowIfAny(); // already checked when the row was read
        contact.PlusvibeLeadId = row.PlusvibeLeadId;
        NewContacts.Add(contact);
        NewActivities.Add(ActivityLog.New("contact.created", $"Contact {ContactRules.DisplayName(contact)} added by import.",
            new { contact.Email, contact.PhoneE164, contact.Timezone, import = fileName, row = row.RowNumber }, userId: userId, companyId: contact.CompanyId, contactId: contact.Id));
        Index(contact);
        ContactsCreated++;
        said.Add("contact created");
        return contact;
    }

    string CreateLead(ImportRow row, Company? company, Contact contact, List<string> said)
    {
        var lead = new Lead { CompanyId = company?.Id, ContactId = contact.Id, Stage = LeadStage.NEW_LEAD, Source = source, SourceCampaign = row.Campaign ?? campaign };
        NewLeads.Add(lead);
        NewActivities.Add(LeadService.Created(lead, contact, company, userId, via: $"by import from {fileName}", origin: new { import = fileName, row = row.RowNumber }));
        Index(lead.Id, contact.Id, company?.Id, open: true);
        LeadsCreated++;
        said.Add("lead created");
        return lead.Id;
    }

    /// <summary>Fills the company's empty fields from the row; never overwrites what is there.</summary>
    void Fill(Company company, ImportRow row, List<string> said)
    {
        var filled = new Dictionary<string, object?>();
        void Set<T>(string name, T? current, T? value, Action<T> apply)
        {
            if (current is not null || value is null) return;
            apply(value);
            filled[name] = value;
        }
        Set("phone", company.Phone, row.Phone, v => company.Phone = v);
        Set("website", company.Website, row.Website, v => company.Website = v);
        Set("industry", company.Industry, row.Industry, v => company.Industry = v);
        Set("googlePlaceId", company.GooglePlaceId, row.GooglePlaceId, v => { company.GooglePlaceId = v; _byPlaceId[v] = company; });
        Set("googleRating", company.GoogleRating, row.GoogleRating, v => company.GoogleRating = v);
        Set("googleReviewCount", company.GoogleReviewCount, row.GoogleReviewCount, v => company.GoogleReviewCount = v);
        Set("heroPhotoUrl", company.HeroPhotoUrl, row.HeroPhotoUrl, v => company.HeroPhotoUrl = v);
        Set("googleMapsUrl", company.GoogleMapsUrl, row.GoogleMapsUrl, v => company.GoogleMapsUrl = v);
        Set("aboutDescription", company.AboutDescription, row.About, v => company.AboutDescription = v);
        if (filled.Count == 0) return;
        db.Record("company.updated", $"Company {company.Name} completed by import ({string.Join(", ", filled.Keys)}).",
            new { filled, import = fileName, row = row.RowNumber }, userId: userId, companyId: company.Id);
        said.Add("filled company " + string.Join(", ", filled.Keys));
    }

    /// <summary>Fills the contact's empty fields from the row; never overwrites what is there.</summary>
    void Fill(Contact contact, ImportRow row, Company? company, List<string> said)
    {
        var filled = new Dictionary<string, object?>();
        if (contact.FirstName is null && row.FirstName is not null) filled["firstName"] = contact.FirstName = row.FirstName;
        if (contact.LastName is null && row.LastName is not null) filled["lastName"] = contact.LastName = row.LastName;
        if (filled.Count > 0) contact.FullName = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => n is not null));
        if (contact.Title is null && row.Title is not null) filled["title"] = contact.Title = row.Title;
        if (contact.Phone is null && row.Phone is not null)
        {
            filled["phone"] = contact.Phone = row.Phone;
            contact.PhoneE164 = row.PhoneE164;
            contact.Timezone ??= UsPhoneNumbers.TimeZoneOf(contact.PhoneE164);
        }
        if (contact.EmailNormalized is null && row.EmailKey is not null && !_byEmail.ContainsKey(row.EmailKey))
        {
            filled["email"] = contact.Email = row.Email;
            contact.EmailNormalized = row.EmailKey;
            _byEmail[row.EmailKey] = contact;
        }
        if (contact.LinkedinUrl is null && row.LinkedinUrl is not null) filled["linkedinUrl"] = contact.LinkedinUrl = row.LinkedinUrl;
        if (contact.PlusvibeLeadId is null && row.PlusvibeLeadId is not null) filled["plusvibeLeadId"] = contact.PlusvibeLeadId = row.PlusvibeLeadId;
        if (contact.CompanyId is null && company is not null)
        {
            filled["companyId"] = contact.CompanyId = company.Id;
            Index(contact);
        }
        if (filled.Count == 0) return;
        db.Record("contact.updated", $"Contact {ContactRules.DisplayName(contact)} completed by import ({string.Join(", ", filled.Keys)}).",
            new { filled, import = fileName, row = row.RowNumber }, userId: userId, companyId: contact.CompanyId, contactId: contact.Id);
        said.Add("filled contact " + string.Join(", ", filled.Keys));
    }

    void Index(Company company)
    {
        _byId[company.Id] = company;
        if (company.GooglePlaceId is not null) _byPlaceId.TryAdd(company.GooglePlaceId, company);
        if (!_byName.TryGetValue(company.NormalizedName, out var list)) _byName[company.NormalizedName] = list = [];
        if (!list.Contains(company)) list.Add(company);
    }

    void Index(Contact contact)
    {
        if (contact.EmailNormalized is not null) _byEmail.TryAdd(contact.EmailNormalized, contact);
        if (contact.CompanyId is null) return;
        if (!_contactsByCompany.TryGetValue(contact.CompanyId, out var list)) _contactsByCompany[contact.CompanyId] = list = [];
        if (!list.Contains(contact)) list.Add(contact);
    }

    void Index(string leadId, string contactId, string? companyId, bool open)
    {
        _leads.TryAdd(LeadKey(contactId, companyId), leadId);
        if (open) _openLeads.TryAdd(companyId is not null ? CompanyKey(companyId) : ContactKey(contactId), leadId);
    }

    static string LeadKey(string contactId, string? companyId) => contactId + "|" + companyId;
    static string CompanyKey(string companyId) => "company|" + companyId;
    static string ContactKey(string contactId) => "contact|" + contactId;

    static RowResult Result(ImportRow row, RowOutcome outcome, string reason, string? companyId = null, string? contactId = null, string? leadId = null) =>
        new(row.RowNumber, outcome, reason, row.CompanyName, row.Email, row.Phone, row.GooglePlaceId, companyId, contactId, leadId);
}
