using GpsLeaders.Data.Contacts;
using static GpsLeaders.Data.Seeding.Json;

namespace GpsLeaders.Data.Seeding;

public static partial class BulkData
{
    private sealed partial class Run
    {
        public async Task<long> CompaniesAsync()
        {
            await using var copy = await StartAsync("companies", "id, name, normalized_name, website, phone, industry, icp_tag, business_label, " +
                "fleet_size, google_rating, google_review_count, hero_photo_url, google_maps_url, about_description, google_place_id, " +
                "linkedin_company_url, owner_name, source, vendor, sales_note, taxable, assigned_rep_id, qb_customer_id, " +
                "stripe_customer_id, status, created_at, updated_at");
            for (long i = 0; i < companies; i++)
            {
                var c = model.Company(i);
                var r = model.Random(i, 4);
                var placeId = $"ChIJ{ids.RunTag}{i:D8}";
                var rated = r.Chance(0.9);
                var status = BulkModel.CompanyStatus(c);
                var customer = status == "CUSTOMER";
                copy.Row().Text(ids.For(BulkTable.Company, i)).Text(c.Name).Text(Companies.CompanyName.Normalize(c.Name))
                    .Text(r.Chance(0.85) ? $"https://www.{c.Slug}.com" : null)
                    .Text(UsPhoneNumbers.FormatNational(BulkModel.Phone(ref r, c.City)))
                    .Text(c.Industry.Name).Text(SeedCatalog.IcpTagFor(c.FleetSize)).Text(c.Industry.GoogleCategory).Int(c.FleetSize)
                    .Numeric(rated ? Rating(ref r) : null).Int(rated ? (int)(Math.Pow(r.NextDouble(), 3) * 900) + 1 : 0)
                    .Text(r.Chance(0.7) ? $"https://lh5.googleusercontent.com/p/AF1Qip{ids.RunTag}{i:x8}=w408-h306-k-no" : null)
                    .Text($"https://www.google.com/maps/place/?q=place_id:{placeId}")
                    .Text($"{c.Industry.GoogleCategory} serving {c.City.Name} and nearby since {1975 + r.Next(48)}.")
                    .Text(placeId)
                    .Text(r.Chance(0.3) ? $"https://www.linkedin.com/company/{c.Slug}" : null)
                    .Text(r.Chance(0.6) ? $"{model.FirstName(ref r)} {model.LastName(ref r)}" : null)
                    .Text(c.Source).Text(r.Chance(0.4) ? r.Pick(SeedCatalog.Vendors) : null)
                    .Text(r.Chance(0.1) ? "Runs night shifts; call before 10am." : null)
                    .Bool(c.City.State == "CA")
                    .Text(r.Chance(0.85) ? Rep(c).Id : null)
                    .Text(customer ? (100_000 + i).ToString() : null)
                    .Text(customer ? $"cus_{ids.RunTag}{i:x9}" : null)
                    .Enum(status).Timestamp(c.CreatedAt).Timestamp(c.CreatedAt.AddDays(r.Next(30)).Min(model.Now));
                Tick(copy);
            }
            return await FinishAsync(copy);
        }

        public async Task<long> AddressesAsync()
        {
            await using var copy = await StartAsync("company_addresses", "id, company_id, label, type, address_line1, address_line2, city, state, zip, " +
                "country, notes, is_default_billing, is_default_shipping, created_at, updated_at");
            for (long i = 0; i < companies; i++)
            {
                var c = model.Company(i);
                var r = model.Random(i, 6);
                copy.Row().Text(ids.For(BulkTable.Address, i)).Text(ids.For(BulkTable.Company, i)).Text("Main office").Enum("BOTH")
                    .Text($"{r.Next(100, 9900)} {r.Pick(SeedCatalog.StreetNames)} {r.Pick(SeedCatalog.StreetSuffixes)}")
                    .Text(r.Chance(0.2) ? $"Suite {r.Next(100, 400)}" : null)
                    .Text(c.City.Name).Text(c.City.State).Text(c.City.Zip).Text("US").Null()
                    .Bool(true).Bool(true).Timestamp(c.CreatedAt).Timestamp(c.CreatedAt);
                Tick(copy);
            }
            return await FinishAsync(copy);
        }

        public async Task<long> ContactsAsync()
        {
            await using var copy = await StartAsync("contacts", "id, company_id, first_name, last_name, full_name, title, email, email_normalized, " +
                "email_status, email_verified_at, phone, phone_e164, phone_type, phone_verified_at, is_sms_eligible, timezone, " +
                "linkedin_url, source, plusvibe_lead_id, notes, created_at, updated_at");
            for (long i = 0; i < companies; i++)
            {
                var c = model.Company(i);
                for (var k = 0; k < c.ContactCount; k++)
                {
                    var p = model.Contact(c, k);
                    var r = model.Random(p.Index, 7);
                    var named = p.FirstName is not null;
                    var phoneType = !named ? "landline" : r.Chance(0.75) ? "mobile" : r.Chance(0.5) ? "landline" : "voip";
                    var emailValid = p.Email is not null && r.Chance(0.7);
                    copy.Row().Text(ids.For(BulkTable.Contact, p.Index)).Text(ids.For(BulkTable.Company, i))
                        .Text(p.FirstName).Text(p.LastName).Text(named ? $"{p.FirstName} {p.LastName}" : null).Text(p.Title)
                        .Text(p.Email).Text(p.Email).Text(p.Email is null ? null : emailValid ? "valid" : "unknown")
                        .Timestamp(emailValid ? c.CreatedAt : null)
                        .Text(UsPhoneNumbers.FormatNational(p.E164)).Text(p.E164).Text(phoneType)
                        .Timestamp(phoneType == "mobile" && r.Chance(0.5) ? c.CreatedAt : null)
                        .Bool(phoneType == "mobile").Text(p.TimeZone)
                        .Text(named && r.Chance(0.25) ? $"https://www.linkedin.com/in/{p.FirstName}-{p.LastName}-{ids.RunTag}{p.Index:x}".ToLowerInvariant() : null)
                        .Text(c.Source).Text(c.Source == "Plusvibe" ? $"pv_{ids.RunTag}{p.Index:x8}" : null).Null()
                        .Timestamp(c.CreatedAt).Timestamp(c.CreatedAt);
                    Tick(copy);
                }
            }
            return await FinishAsync(copy);
        }

        public async Task<long> LeadsAsync()
        {
            await using var copy = await StartAsync("leads", "id, company_id, contact_id, stage, source, source_campaign, estimated_units, " +
                "estimated_revenue, lost_reason, won_at, lost_at, plusvibe_paused, plusvibe_stopped, is_dnc, created_at, updated_at");
            for (long i = 0; i < companies; i++)
            {
                var c = model.Company(i);
                for (var k = 0; k < c.LeadCount; k++)
                {
                    var l = model.Lead(c, k);
                    var r = model.Random(l.Index, 8);
                    var closedAt = l.CreatedAt.AddDays(r.Next(5, 90)).Min(model.Now);
                    var plusvibe = c.Source == "Plusvibe";
                    copy.Row().Text(ids.For(BulkTable.Lead, l.Index)).Text(ids.For(BulkTable.Company, i)).Text(ids.For(BulkTable.Contact, l.ContactIndex))
                        .Enum(l.Stage).Text(c.Source)
                        .Text(c.Source is "Google Maps" or "Plusvibe" ? $"{c.Source} {c.Industry.Name} {c.City.State} {l.CreatedAt:yyyy-MM}" : null)
                        .Int(l.Units).Numeric(SeedCatalog.EstimatedRevenue(l.Units))
                        .Text(l.Stage == "LOST" ? r.Pick(SeedCatalog.LostReasons) : null)
                        .Timestamp(l.Stage == "WON" ? closedAt : null).Timestamp(l.Stage == "LOST" ? closedAt : null)
                        .Bool(plusvibe && r.Chance(0.1)).Bool(plusvibe && l.Stage is "WON" or "LOST" or "BOGUS").Bool(l.IsDnc)
                        .Timestamp(l.CreatedAt).Timestamp(l.Stage is "WON" or "LOST" ? closedAt : l.CreatedAt);
                    Tick(copy);
                }
            }
            return await FinishAsync(copy);
        }

        public async Task<long> LeadTagsAsync()
        {
            await using var copy = await StartAsync("lead_tags", "id, lead_id, tag_slug, applied_at, applied_by, removed_at");
            for (long i = 0; i < companies; i++)
            {
                var c = model.Company(i);
                for (var k = 0; k < c.LeadCount; k++)
                {
                    var l = model.Lead(c, k);
                    if (l.TagSlug is null) continue;
                    copy.Row().Text(ids.For(BulkTable.LeadTag, l.Index)).Text(ids.For(BulkTable.Lead, l.Index)).Text(l.TagSlug)
                        .Timestamp(l.CreatedAt.AddHours(2).Min(model.Now)).Text(Rep(c).FirstName.ToLowerInvariant()).Null();
                    Tick(copy);
                }
            }
            return await FinishAsync(copy);
        }

        private static decimal Rating(ref FastRandom r) => r.Chance(0.05)
            ? Math.Round(1.0m + (decimal)r.NextDouble() * 1.5m, 1)
            : Math.Round(Math.Min(5.0m, 3.0m + 2.0m * (decimal)Math.Sqrt(r.NextDouble())), 1);
    }
}

internal static class DateTimeSeedExtensions
{
    public static DateTime Min(this DateTime value, DateTime max) => value < max ? value : max;
    public static DateTime Max(this DateTime value, DateTime min) => value > min ? value : min;
}
