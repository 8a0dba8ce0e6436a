namespace GpsLeaders.Data.Import;

/// <summary>What a CSV column can be imported into (company, contact or lead facts), or nothing.</summary>
public enum ImportField
{
    Ignore,
    CompanyName,
    GooglePlaceId,
    Phone,
    Website,
    Industry,
    GoogleRating,
    GoogleReviewCount,
    HeroPhotoUrl,
    GoogleMapsUrl,
    About,
    Email,
    FirstName,
    LastName,
    FullName,
    Title,
    LinkedinUrl,
    PlusvibeLeadId,
    Campaign,
    AddressLine1,
    AddressLine2,
    City,
    State,
    Zip,
}

/// <summary>Where the rows come from: decides the lead source and which synonyms win when a header is ambiguous.</summary>
public enum ImportSource { Auto, GoogleMaps, Plusvibe }

/// <summary>The target of each CSV column, by column index.</summary>
public sealed class ColumnMapping(IReadOnlyList<ImportField> fields)
{
    public IReadOnlyList<ImportField> Fields { get; } = fields;

    public int IndexOf(ImportField field)
    {
        for (var i = 0; i < Fields.Count; i++) if (Fields[i] == field) return i;
        return -1;
    }

    public bool Has(ImportField field) => IndexOf(field) >= 0;

    /// <summary>
    /// Maps each header by its folded name (lower case, letters and digits only) through the synonyms below; a
    /// target is given to the first column that claims it only, so "phone" and "phone_2" do not both map.
    /// </summary>
    public static ColumnMapping Auto(IReadOnlyList<string> headers, ImportSource source)
    {
        var taken = new HashSet<ImportField>();
        var fields = new ImportField[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var field = Guess(headers[i], source);
            fields[i] = field != ImportField.Ignore && taken.Add(field) ? field : ImportField.Ignore;
        }
        return new ColumnMapping(fields);
    }

    /// <summary>The source a file looks like from its headers: Google Maps place columns, or Plusvibe's lead columns.</summary>
    public static ImportSource Detect(IReadOnlyList<string> headers)
    {
        var folded = headers.Select(Fold).ToHashSet();
        if (folded.Overlaps(["placeid", "googleplaceid", "googlemapsurl", "mapsurl", "reviews", "reviewscount", "rating", "fulladdress", "cid"]))
            return ImportSource.GoogleMaps;
        if (folded.Overlaps(["campaign", "campaignname", "firstname", "lastname", "plusvibeleadid", "leadid", "companyname"]))
            return ImportSource.Plusvibe;
        return ImportSource.Auto;
    }

    public static ImportField Guess(string header, ImportSource source)
    {
        var key = Fold(header);
        // "name" is the business on a Google Maps scrape and the person on a people list.
        if (key is "name" or "title") return source == ImportSource.Plusvibe
            ? (key == "name" ? ImportField.FullName : ImportField.Title)
            : ImportField.CompanyName;
        return Synonyms.TryGetValue(key, out var field) ? field : ImportField.Ignore;
    }

    static string Fold(string header) => new(header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    static readonly Dictionary<string, ImportField> Synonyms = new()
    {
        ["companyname"] = ImportField.CompanyName, ["company"] = ImportField.CompanyName, ["business"] = ImportField.CompanyName,
        ["businessname"] = ImportField.CompanyName, ["organization"] = ImportField.CompanyName, ["placename"] = ImportField.CompanyName,
        ["placeid"] = ImportField.GooglePlaceId, ["googleplaceid"] = ImportField.GooglePlaceId, ["googleid"] = ImportField.GooglePlaceId,
        ["phone"] = ImportField.Phone, ["phonenumber"] = ImportField.Phone, ["phone1"] = ImportField.Phone, ["telephone"] = ImportField.Phone,
        ["mobile"] = ImportField.Phone, ["companyphone"] = ImportField.Phone, ["internationalphone"] = ImportField.Phone,
        ["website"] = ImportField.Website, ["site"] = ImportField.Website, ["url"] = ImportField.Website, ["domain"] = ImportField.Website,
        ["companywebsite"] = ImportField.Website, ["companydomain"] = ImportField.Website,
        ["category"] = ImportField.Industry, ["categories"] = ImportField.Industry, ["type"] = ImportField.Industry,
        ["industry"] = ImportField.Industry, ["maincategory"] = ImportField.Industry, ["subtypes"] = ImportField.Industry,
        ["rating"] = ImportField.GoogleRating, ["googlerating"] = ImportField.GoogleRating, ["stars"] = ImportField.GoogleRating,
        ["reviews"] = ImportField.GoogleReviewCount, ["reviewscount"] = ImportField.GoogleReviewCount,
        ["reviewcount"] = ImportField.GoogleReviewCount, ["numberofreviews"] = ImportField.GoogleReviewCount,
        ["photo"] = ImportField.HeroPhotoUrl, ["photourl"] = ImportField.HeroPhotoUrl, ["image"] = ImportField.HeroPhotoUrl,
        ["imageurl"] = ImportField.HeroPhotoUrl, ["thumbnail"] = ImportField.HeroPhotoUrl, ["heroimage"] = ImportField.HeroPhotoUrl,
        ["googlemapsurl"] = ImportField.GoogleMapsUrl, ["mapsurl"] = ImportField.GoogleMapsUrl, ["googlemapslink"] = ImportField.GoogleMapsUrl,
        ["link"] = ImportField.GoogleMapsUrl, ["placeurl"] = ImportField.GoogleMapsUrl, ["locationlink"] = ImportField.GoogleMapsUrl,
        ["description"] = ImportField.About, ["about"] = ImportField.About, ["aboutdescription"] = ImportField.About,
        ["email"] = ImportField.Email, ["emailaddress"] = ImportField.Email, ["email1"] = ImportField.Email, ["workemail"] = ImportField.Email,
        ["firstname"] = ImportField.FirstName, ["first"] = ImportField.FirstName, ["givenname"] = ImportField.FirstName,
        ["lastname"] = ImportField.LastName, ["last"] = ImportField.LastName, ["surname"] = ImportField.LastName,
        ["fullname"] = ImportField.FullName, ["contactname"] = ImportField.FullName, ["owner"] = ImportField.FullName,
        ["jobtitle"] = ImportField.Title, ["position"] = ImportField.Title, ["role"] = ImportField.Title,
        ["linkedin"] = ImportField.LinkedinUrl, ["linkedinurl"] = ImportField.LinkedinUrl, ["linkedinprofile"] = ImportField.LinkedinUrl,
        ["plusvibeleadid"] = ImportField.PlusvibeLeadId, ["leadid"] = ImportField.PlusvibeLeadId,
        ["campaign"] = ImportField.Campaign, ["campaignname"] = ImportField.Campaign, ["sourcecampaign"] = ImportField.Campaign,
        ["address"] = ImportField.AddressLine1, ["address1"] = ImportField.AddressLine1, ["addressline1"] = ImportField.AddressLine1,
        ["street"] = ImportField.AddressLine1, ["streetaddress"] = ImportField.AddressLine1, ["companyaddress"] = ImportField.AddressLine1,
        ["address2"] = ImportField.AddressLine2, ["addressline2"] = ImportField.AddressLine2, ["suite"] = ImportField.AddressLine2,
        ["city"] = ImportField.City, ["town"] = ImportField.City, ["companycity"] = ImportField.City,
        ["state"] = ImportField.State, ["stateprovince"] = ImportField.State, ["province"] = ImportField.State, ["companystate"] = ImportField.State,
        ["zip"] = ImportField.Zip, ["zipcode"] = ImportField.Zip, ["postalcode"] = ImportField.Zip, ["postcode"] = ImportField.Zip,
        ["companyzip"] = ImportField.Zip,
    };

    public static string Label(ImportField field) => field switch
    {
        ImportField.Ignore => "(do not import)",
        ImportField.CompanyName => "Company name",
        ImportField.GooglePlaceId => "Google place id",
        ImportField.Phone => "Phone",
        ImportField.Website => "Website",
        ImportField.Industry => "Industry / category",
        ImportField.GoogleRating => "Google rating",
        ImportField.GoogleReviewCount => "Google review count",
        ImportField.HeroPhotoUrl => "Photo URL",
        ImportField.GoogleMapsUrl => "Google Maps URL",
        ImportField.About => "About / description",
        ImportField.Email => "Email",
        ImportField.FirstName => "First name",
        ImportField.LastName => "Last name",
        ImportField.FullName => "Full name",
        ImportField.Title => "Job title",
        ImportField.LinkedinUrl => "LinkedIn URL",
        ImportField.PlusvibeLeadId => "Plusvibe lead id",
        ImportField.Campaign => "Campaign",
        ImportField.AddressLine1 => "Street address",
        ImportField.AddressLine2 => "Address line 2",
        ImportField.City => "City",
        ImportField.State => "State",
        ImportField.Zip => "ZIP code",
        _ => field.ToString(),
    };
}
