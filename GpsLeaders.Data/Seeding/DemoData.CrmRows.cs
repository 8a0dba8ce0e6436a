using GpsLeaders.Data.Contacts;
using GpsLeaders.Data.Companies;

namespace GpsLeaders.Data.Seeding;

public static partial class DemoData
{
    private sealed partial class Seeder
    {
        private const string PlaceIdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

        private async Task WriteCompaniesAsync()
        {
            await using var copy = await CopyAsync("companies", "id, name, normalized_name, website, phone, industry, icp_tag, business_label, " +
                "fleet_size, google_rating, google_review_count, hero_photo_url, google_maps_url, about_description, google_place_id, " +
                "linkedin_company_url, owner_name, source, vendor, sales_note, taxable, assigned_rep_id, qb_customer_id, " +
                "stripe_customer_id, status, created_at, updated_at");
            var placeIds = new HashSet<string>();
            foreach (var c in _companies)
            {
                var onMaps = c.Source == "Google Maps" || _f.Random.Bool(0.6f);
                string? placeId = null;
                while (onMaps && !placeIds.Add(placeId = "ChIJ" + _f.Random.String2(23, PlaceIdChars))) { }
                var rated = onMaps && _f.Random.Bool(0.92f);
                var customer = c.Status == "CUSTOMER";
                var owner = c.Contacts.FirstOrDefault(p => p.Title == "Owner");
                copy.Row().Text(c.Id).Text(c.Name).Text(CompanyName.Normalize(c.Name))
                    .Text(_f.Random.Bool(0.85f) ? $"https://www.{c.Slug}.com" : null)
                    .Text(UsPhoneNumbers.FormatNational(UsPhoneNumbers.Generate(_f.Random.GetRandom(), c.City.AreaCodes[0])))
                    .Text(c.Industry.Name).Text(SeedCatalog.IcpTagFor(c.FleetSize)).Text(c.Industry.GoogleCategory).Int(c.FleetSize)
                    .Numeric(rated ? Math.Round((decimal)_f.Random.Double(_f.Random.Bool(0.08f) ? 1.0 : 3.4, 5.0), 1) : null)
                    .Int(rated ? _f.Random.Int(3, 950) : null)
                    .Text(onMaps && _f.Random.Bool(0.75f) ? $"https://lh5.googleusercontent.com/p/AF1Qip{_f.Random.String2(28, PlaceIdChars)}=w408-h306-k-no" : null)
                    .Text(placeId is null ? null : $"https://www.google.com/maps/place/?q=place_id:{placeId}")
                    .Text($"{c.Industry.GoogleCategory} serving {c.City.Name}, {c.City.State} and surrounding areas since {_f.Random.Int(1968, 2021)}.")
                    .Text(placeId)
                    .Text(_f.Random.Bool(0.3f) ? $"https://www.linkedin.com/company/{c.Slug}" : null)
                    .Text(owner is null ? null : $"{owner.FirstName} {owner.LastName}")
                    .Text(c.Source).Text(c.Vendor)
                    .Text(_f.Random.Bool(0.15f) ? _f.PickRandom("Trucks leave the yard at 5am; call the office after 10.", "Owner's wife runs the books: loop her in on invoices.", "Lost two trailers to theft last year.", "Wants Spanish-language driver app.") : null)
                    .Bool(c.City.State == "CA")
                    .Text(c.Rep?.Id)
                    .Text(customer ? _f.Random.Int(100, 9999).ToString() : null)
                    .Text(customer ? "cus_" + _f.Random.String2(14, PlaceIdChars[..62]) : null)
                    .Enum(c.Status).Timestamp(c.CreatedAt).Timestamp(Latest(c));
            }
            await copy.CompleteAsync(ct);
        }

        private DateTime Latest(DemoCompany c) =>
            c.Leads.Count == 0 ? c.CreatedAt : c.Leads.Max(l => l.ClosedAt ?? l.CreatedAt);

        private async Task WriteAddressesAsync()
        {
            await using var copy = await CopyAsync("company_addresses", "id, company_id, label, type, address_line1, address_line2, city, state, zip, " +
                "country, notes, is_default_billing, is_default_shipping, created_at, updated_at");
            foreach (var c in _companies)
                foreach (var a in c.Addresses)
                    copy.Row().Text(a.Id).Text(c.Id).Text(a.Label).Enum(a.Type).Text(a.Line1).Text(a.Line2)
                        .Text(c.City.Name).Text(c.City.State).Text(c.City.Zip).Text("US")
                        .Text(a.Type == "SHIPPING" ? "Gate code at the office; deliveries 7am-3pm." : null)
                        .Bool(a.DefaultBilling).Bool(a.DefaultShipping).Timestamp(c.CreatedAt).Timestamp(c.CreatedAt);
            await copy.CompleteAsync(ct);
        }

        private async Task WriteContactsAsync()
        {
            await using var copy = await CopyAsync("contacts", "id, company_id, first_name, last_name, full_name, title, email, email_normalized, " +
                "email_status, email_verified_at, phone, phone_e164, phone_type, phone_verified_at, is_sms_eligible, timezone, " +
                "linkedin_url, source, plusvibe_lead_id, notes, created_at, updated_at");
            foreach (var c in _companies)
                foreach (var p in c.Contacts)
                {
                    var status = p.Email is null ? null : _f.Random.WeightedRandom(["valid", "unknown", "catch_all", "invalid"], [0.7f, 0.15f, 0.1f, 0.05f]);
                    var optedOut = c.Leads.Any(l => l.Contact == p && l.IsDnc);
                    copy.Row().Text(p.Id).Text(c.Id).Text(p.FirstName).Text(p.LastName)
                        .Text(p.FirstName is null ? null : $"{p.FirstName} {p.LastName}").Text(p.Title)
                        .Text(p.Email is null ? null : _f.Random.Bool(0.2f) ? p.Email.ToUpperInvariant()[..1] + p.Email[1..] : p.Email)
                        .Text(Contacts.EmailAddress.Normalize(p.Email)).Text(status).Timestamp(status == "valid" ? c.CreatedAt.AddHours(1) : null)
                        .Text(UsPhoneNumbers.FormatNational(p.E164)).Text(p.E164).Text(p.PhoneType)
                        .Timestamp(p.PhoneType == "mobile" && _f.Random.Bool() ? c.CreatedAt.AddHours(2) : null)
                        .Bool(p.PhoneType == "mobile" && !optedOut).Text(p.TimeZone)
                        .Text(p.FirstName is not null && _f.Random.Bool(0.3f) ? $"https://www.linkedin.com/in/{p.FirstName}-{p.LastName}-{_f.Random.AlphaNumeric(6)}".ToLowerInvariant() : null)
                        .Text(c.Source).Text(c.Source == "Plusvibe" ? "pv_" + _f.Random.AlphaNumeric(12) : null)
                        .Text(optedOut ? "Asked not to be contacted again." : null)
                        .Timestamp(c.CreatedAt).Timestamp(c.CreatedAt);
                }
            await copy.CompleteAsync(ct);
        }

        private async Task WriteLeadsAsync()
        {
            await using (var copy = await CopyAsync("leads", "id, company_id, contact_id, stage, source, source_campaign, estimated_units, " +
                "estimated_revenue, lost_reason, won_at, lost_at, plusvibe_paused, plusvibe_stopped, is_dnc, created_at, updated_at"))
            {
                foreach (var l in _companies.SelectMany(c => c.Leads))
                {
                    var plusvibe = l.Company.Source == "Plusvibe";
                    copy.Row().Text(l.Id).Text(l.Company.Id).Text(l.Contact.Id).Enum(l.Stage).Text(l.Company.Source).Text(l.Campaign)
                        .Int(l.Units).Numeric(SeedCatalog.EstimatedRevenue(l.Units)).Text(l.LostReason)
                        .Timestamp(l.Stage == "WON" ? l.ClosedAt : null).Timestamp(l.Stage == "LOST" ? l.ClosedAt : null)
                        .Bool(plusvibe && l.IsOpen && _f.Random.Bool(0.2f)).Bool(plusvibe && (!l.IsOpen || l.IsDnc)).Bool(l.IsDnc)
                        .Timestamp(l.CreatedAt).Timestamp(l.Tags.Max(t => t.RemovedAt ?? t.AppliedAt).Max(l.ClosedAt ?? l.CreatedAt));
                }
                await copy.CompleteAsync(ct);
            }
            await using (var copy = await CopyAsync("lead_tags", "id, lead_id, tag_slug, applied_at, applied_by, removed_at"))
            {
                foreach (var l in _companies.SelectMany(c => c.Leads))
                    foreach (var t in l.Tags)
                        copy.Row().Text(NewId()).Text(l.Id).Text(t.Slug).Timestamp(t.AppliedAt).Text(t.AppliedBy).Timestamp(t.RemovedAt);
                await copy.CompleteAsync(ct);
            }
        }
    }
}
