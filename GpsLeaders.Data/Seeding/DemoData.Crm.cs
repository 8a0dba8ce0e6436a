using GpsLeaders.Data.Companies;
using GpsLeaders.Data.Contacts;

namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        private readonly List<DemoCompany> _companies = [];
        private readonly HashSet<string> _emails = [];

        public async Task CrmAsync()
        {
            BuildCompanies();
            await WriteCompaniesAsync();
            await WriteAddressesAsync();
            await WriteContactsAsync();
            await WriteLeadsAsync();
        }

        private void BuildCompanies()
        {
            var reps = ActiveReps.ToArray();
            var names = new HashSet<string>();
            var leadNumber = 0;
            for (var i = 0; i < CompanyCount; i++)
            {
                var industry = _f.PickRandom(SeedCatalog.Industries);
                string name, normalized;
                do
                {
                    var core = _f.Random.Bool() ? _f.PickRandom(SeedCatalog.LastNames) : _f.PickRandom(SeedCatalog.NamePrefixes);
                    name = $"{core} {_f.PickRandom(industry.NameWords)}";
                    normalized = CompanyName.Normalize(name);
                } while (!names.Add(normalized));
                var suffix = _f.PickRandom(SeedCatalog.LegalSuffixes);
                var company = new DemoCompany
                {
                    Id = NewId(), Name = suffix.Length == 0 ? name : $"{name} {suffix}",
                    Slug = string.Concat(normalized.Split(' ').Where(w => w != "and")),
                    Industry = industry, City = _f.PickRandom(SeedCatalog.Cities),
                    FleetSize = industry.MinFleet + (int)((industry.MaxFleet - industry.MinFleet) * Math.Pow(_f.Random.Double(), 2)),
                    Source = _f.PickRandom(SeedCatalog.Sources), CreatedAt = now.AddMinutes(-_f.Random.Int(60 * 24 * 7, 60 * 24 * 180)),
                    Rep = _f.Random.Bool(0.9f) ? reps[i % reps.Length] : null,
                    Vendor = _f.Random.Bool(0.35f) ? _f.PickRandom(SeedCatalog.Vendors) : null,
                };
                AddAddresses(company);
                AddContacts(company);
                // Partners, plain contacts and inactive accounts are on file without an open pursuit.
                company.Status = (i % 25) switch { 3 => "PARTNER", 8 => "CONTACT", 13 => "INACTIVE", _ => "LEAD" };
                if (company.Status == "LEAD")
                {
                    var leads = _f.Random.Bool(0.2f) ? 2 : 1;
                    for (var k = 0; k < leads; k++)
                    {
                        // The first ten leads walk every stage so the pipeline has all columns.
                        var stage = leadNumber < AllStages.Length ? AllStages[leadNumber] : _f.Random.WeightedRandom(AllStages, StageWeights);
                        company.Leads.Add(NewLead(company, k, stage));
                        leadNumber++;
                    }
                    company.Status = company.Leads.Any(l => l.Stage == "WON") ? "CUSTOMER"
                        : company.Leads.All(l => l.Stage == "BOGUS") ? "DEAD"
                        : company.Leads.All(l => l.Stage == "LOST") && _f.Random.Bool() ? "DEAD" : "LEAD";
                }
                _companies.Add(company);
            }
        }

        private void AddAddresses(DemoCompany company)
        {
            string Street() => $"{_f.Random.Int(100, 9899)} {_f.PickRandom(SeedCatalog.StreetNames)} {_f.PickRandom(SeedCatalog.StreetSuffixes)}";
            if (_f.Random.Bool(0.7f))
                company.Addresses.Add(new DemoAddress(NewId(), "Main office", "BOTH", Street(), _f.Random.Bool(0.2f) ? $"Suite {_f.Random.Int(100, 450)}" : null, true, true));
            else
            {
                company.Addresses.Add(new DemoAddress(NewId(), "Main office", "BILLING", Street(), null, true, false));
                company.Addresses.Add(new DemoAddress(NewId(), "Yard", "SHIPPING", Street(), null, false, true));
            }
            if (_f.Random.Bool(0.1f)) company.Addresses.Add(new DemoAddress(NewId(), "Second yard", "SHIPPING", Street(), null, false, false));
        }

        private void AddContacts(DemoCompany company)
        {
            var count = _f.Random.WeightedRandom([1, 2, 3], [0.55f, 0.35f, 0.10f]);
            for (var k = 0; k < count; k++)
            {
                var e164 = UsPhoneNumbers.Generate(_f.Random.GetRandom(), _f.PickRandom(company.City.AreaCodes));
                var zone = UsPhoneNumbers.TimeZoneOf(e164)!;
                if (k == 0 && company.Source == "Google Maps" && _f.Random.Bool(0.25f))
                {
                    company.Contacts.Add(new DemoContact(NewId(), null, null, null, e164, "landline", zone, null));
                    continue;
                }
                var first = _f.PickRandom(SeedCatalog.FirstNames);
                var last = _f.PickRandom(SeedCatalog.LastNames);
                string? email = null;
                if (_f.Random.Bool(0.85f))
                {
                    var local = _f.Random.Bool() ? $"{first}.{last}" : $"{first[0]}{last}";
                    email = $"{local}@{company.Slug}.com".ToLowerInvariant();
                    for (var n = 2; !_emails.Add(EmailAddress.Normalize(email)!); n++) email = $"{local}{n}@{company.Slug}.com".ToLowerInvariant();
                }
                var phoneType = _f.Random.WeightedRandom(["mobile", "landline", "voip"], [0.75f, 0.15f, 0.10f]);
                company.Contacts.Add(new DemoContact(NewId(), first, last, k == 0 ? "Owner" : _f.PickRandom(SeedCatalog.Titles), e164, phoneType, zone, email));
            }
        }

        private DemoLead NewLead(DemoCompany company, int ordinal, string stage)
        {
            var created = company.CreatedAt.AddHours(ordinal * _f.Random.Int(24 * 20, 24 * 60) + _f.Random.Int(0, 48));
            if (created > now.AddDays(-2)) created = now.AddDays(-2);
            DateTime? closed = stage is "WON" or "LOST" or "BOGUS" ? created.AddDays(_f.Random.Double(0.3, 1) * (now - created).TotalDays) : null;
            var named = company.Contacts.FirstOrDefault(c => c.FirstName is not null) ?? company.Contacts[0];
            var lead = new DemoLead
            {
                Id = NewId(), Company = company, Contact = ordinal < company.Contacts.Count ? company.Contacts[ordinal] : named, Stage = stage,
                CreatedAt = created, ClosedAt = closed, Units = Math.Max(1, (int)(company.FleetSize * _f.Random.Double(0.5, 1))),
                LostReason = stage == "LOST" ? _f.PickRandom(SeedCatalog.LostReasons) : null,
                Campaign = company.Source is "Google Maps" or "Plusvibe" ? $"{company.Source} {company.Industry.Name} {company.City.State} {created:MMM yyyy}" : null,
            };
            AddLeadTags(lead);
            return lead;
        }

        private void AddLeadTags(DemoLead lead)
        {
            var by = lead.Company.Rep?.FirstName.ToLowerInvariant() ?? "nick";
            var end = lead.End(now);
            DateTime At(double fraction) => lead.CreatedAt + (end - lead.CreatedAt) * fraction;
            void Add(string slug, double at, double? removed = null) =>
                lead.Tags.Add(new DemoLeadTag(slug, At(at), by, removed is null ? null : At(removed.Value)));

            Add(SeedCatalog.IcpTagFor(lead.Company.FleetSize), 0.01);
            switch (lead.Stage)
            {
                case "NEW_LEAD": Add(_f.PickRandom("no-answer", "voicemail", "call-back"), 0.5); break;
                case "HOT": Add("no-answer", 0.2, 0.4); Add("interested", 0.5); Add("demo-booked", 0.7); break;
                case "QUALIFIED": Add("interested", 0.3); Add("gate-decision-maker", 0.5); Add("gate-fleet-confirmed", 0.6); break;
                case "QUOTED": Add("interested", 0.2); Add("quote-sent", 0.8); if (_f.Random.Bool()) Add("price-objection", 0.9); break;
                case "WON": Add("interested", 0.2); Add("gate-budget-confirmed", 0.6); Add("quote-sent", 0.7); break;
                case "LOST": Add(_f.PickRandom("not-interested", "price-objection", "has-gps-provider"), 0.9); break;
                case "BOGUS": Add("wrong-number", 0.5); break;
                default: Add("call-back", 0.6); Add("gate-decision-maker", 0.4); break;
            }
            if (_f.Random.Bool(0.05f)) Add("spanish-speaking", 0.1);
            if (lead.IsOpen && _f.Random.Bool(0.04f))
            {
                Add("dnc", 0.95);
                lead.IsDnc = true;
            }
        }
    }
}
