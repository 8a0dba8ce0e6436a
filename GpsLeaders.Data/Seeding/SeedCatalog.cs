namespace GpsLeaders.Data.Seeding;

/// <summary>The fleet business types a GPS reseller prospects, with the words their names use.</summary>
internal sealed record Industry(string Name, string GoogleCategory, string[] NameWords, int MinFleet, int MaxFleet);

/// <summary>A US city with a real downtown ZIP and its area codes (primary first).</summary>
internal sealed record City(string Name, string State, string Zip, string[] AreaCodes);

internal sealed record TagDef(string Slug, string Name, string Category, string Color, string Description, bool IsSystem);

/// <summary>Static lists shared by the demo and bulk seeders.</summary>
internal static class SeedCatalog
{
    public static readonly Industry[] Industries =
    [
        new("Trucking", "Trucking company", ["Trucking", "Freight", "Transport", "Logistics", "Hauling"], 5, 120),
        new("HVAC", "HVAC contractor", ["Heating & Air", "HVAC", "Air Conditioning", "Comfort Systems"], 3, 40),
        new("Plumbing", "Plumber", ["Plumbing", "Plumbing & Drain", "Rooter", "Plumbing Services"], 2, 35),
        new("Towing", "Towing service", ["Towing", "Towing & Recovery", "Wrecker Service", "Roadside Assistance"], 2, 30),
        new("Landscaping", "Landscaper", ["Landscaping", "Lawn Care", "Landscape Services", "Tree Service"], 2, 40),
        new("Delivery", "Delivery service", ["Delivery", "Express", "Last Mile"], 5, 80),
        new("Pest Control", "Pest control service", ["Pest Control", "Exterminating", "Termite & Pest"], 3, 30),
        new("Electrical", "Electrician", ["Electric", "Electrical Contractors", "Electrical Services"], 2, 40),
        new("Construction", "General contractor", ["Construction", "Builders", "Contracting", "Excavation"], 5, 60),
        new("Courier", "Courier service", ["Courier", "Couriers", "Messenger Service"], 3, 50),
        new("Roofing", "Roofing contractor", ["Roofing", "Roofing & Gutters", "Roof Systems"], 2, 25),
        new("Septic & Waste", "Septic system service", ["Septic", "Waste Hauling", "Disposal", "Portable Toilets"], 2, 30),
    ];

    public static readonly string[] NamePrefixes =
    [
        "Lone Star", "Blue Ridge", "Summit", "Precision", "Reliable", "All-Pro", "A-1", "Eagle", "Patriot", "Golden State",
        "Pacific", "Coastal", "Metro", "Rapid", "Pioneer", "Redline", "Ironclad", "Sunbelt", "Bay Area", "Valley",
        "Desert", "Mountain View", "Gulf Coast", "Heartland", "Liberty", "Cornerstone", "Northstar", "Evergreen", "Triple J", "Big Rig",
    ];

    /// <summary>How names end in the wild; normalisation folds all of these away.</summary>
    public static readonly string[] LegalSuffixes = ["LLC", "Inc.", "Co.", "Corp.", "L.L.C.", "Inc", "", "", "", ""];

    // California first and heavy: the CA district tax rates are what invoices exercise.
    public static readonly City[] Cities =
    [
        new("Los Angeles", "CA", "90012", ["213", "323", "310", "424"]), new("San Diego", "CA", "92101", ["619", "858"]),
        new("San Jose", "CA", "95113", ["408", "669"]), new("Fresno", "CA", "93721", ["559"]),
        new("Sacramento", "CA", "95814", ["916", "279"]), new("Oakland", "CA", "94612", ["510", "341"]),
        new("Riverside", "CA", "92501", ["951"]), new("Bakersfield", "CA", "93301", ["661"]),
        new("Long Beach", "CA", "90802", ["562"]), new("Santa Ana", "CA", "92701", ["714", "657"]),
        new("Stockton", "CA", "95202", ["209", "350"]), new("San Bernardino", "CA", "92401", ["909", "840"]),
        new("Houston", "TX", "77002", ["713", "281", "832", "346"]), new("Dallas", "TX", "75201", ["214", "469", "972"]),
        new("San Antonio", "TX", "78205", ["210", "726"]), new("Austin", "TX", "78701", ["512", "737"]),
        new("El Paso", "TX", "79901", ["915"]), new("Fort Worth", "TX", "76102", ["817", "682"]),
        new("Phoenix", "AZ", "85004", ["602", "480", "623"]), new("Tucson", "AZ", "85701", ["520"]),
        new("Las Vegas", "NV", "89101", ["702", "725"]), new("Denver", "CO", "80202", ["303", "720"]),
        new("Salt Lake City", "UT", "84101", ["801", "385"]), new("Seattle", "WA", "98101", ["206"]),
        new("Portland", "OR", "97204", ["503", "971"]), new("Boise", "ID", "83702", ["208"]),
        new("Albuquerque", "NM", "87102", ["505"]), new("Oklahoma City", "OK", "73102", ["405"]),
        new("Kansas City", "MO", "64105", ["816"]), new("St. Louis", "MO", "63101", ["314"]),
        new("Chicago", "IL", "60602", ["312", "773", "872"]), new("Indianapolis", "IN", "46204", ["317"]),
        new("Columbus", "OH", "43215", ["614"]), new("Detroit", "MI", "48226", ["313"]),
        new("Nashville", "TN", "37203", ["615", "629"]), new("Memphis", "TN", "38103", ["901"]),
        new("Atlanta", "GA", "30303", ["404", "678", "470"]), new("Charlotte", "NC", "28202", ["704", "980"]),
        new("Raleigh", "NC", "27601", ["919", "984"]), new("Jacksonville", "FL", "32202", ["904"]),
        new("Tampa", "FL", "33602", ["813"]), new("Orlando", "FL", "32801", ["407", "321"]),
        new("Miami", "FL", "33130", ["305", "786"]), new("Pensacola", "FL", "32502", ["850"]),
        new("Birmingham", "AL", "35203", ["205"]), new("New Orleans", "LA", "70112", ["504"]),
        new("Louisville", "KY", "40202", ["502"]), new("Pittsburgh", "PA", "15222", ["412"]),
        new("Philadelphia", "PA", "19107", ["215", "267"]), new("Newark", "NJ", "07102", ["973", "862"]),
        new("Baltimore", "MD", "21202", ["410", "443"]), new("Richmond", "VA", "23219", ["804"]),
        new("Minneapolis", "MN", "55401", ["612"]), new("Milwaukee", "WI", "53202", ["414"]),
        new("Omaha", "NE", "68102", ["402"]), new("Boston", "MA", "02108", ["617", "857"]),
        new("Anchorage", "AK", "99501", ["907"]), new("Honolulu", "HI", "96813", ["808"]),
    ];

    // Common US given names and surnames (Census/SSA frequency lists): realistic without being anyone in particular.
    public static readonly string[] FirstNames =
    [
        "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Christopher", "Daniel", "Matthew",
        "Anthony", "Mark", "Steven", "Andrew", "Paul", "Joshua", "Kevin", "Brian", "Timothy", "Jason", "Ryan", "Eric", "Justin",
        "Scott", "Brandon", "Frank", "Gregory", "Raymond", "Patrick", "Jack", "Tyler", "Aaron", "Jose", "Adam", "Nathan", "Kyle",
        "Ethan", "Jeremy", "Sean", "Carl", "Dylan", "Jordan", "Jesse", "Bryan", "Gabriel", "Logan", "Juan", "Luis", "Carlos",
        "Miguel", "Wayne", "Randy", "Mason", "Vincent", "Caleb", "Bradley", "Russell", "Cody", "Travis", "Dustin", "Shane",
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Susan", "Jessica", "Karen", "Sarah", "Lisa", "Nancy", "Sandra",
        "Ashley", "Emily", "Kimberly", "Michelle", "Amanda", "Melissa", "Stephanie", "Rebecca", "Laura", "Amy", "Angela",
        "Brenda", "Nicole", "Samantha", "Rachel", "Maria", "Heather", "Julie", "Megan", "Andrea", "Teresa", "Rosa", "Ana",
        "Kelly", "Crystal", "Tiffany", "Brittany", "Danielle", "Erin", "Tara", "Monica", "Veronica", "Denise", "Tammy",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins",
        "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson",
        "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood",
        "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long",
        "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson",
        "Barnes", "Fisher", "Vasquez", "Simmons", "Graham", "Marshall", "Owens", "Harrison", "Gibson", "McDonald", "Wallace",
    ];

    public static readonly string[] StreetSuffixes = ["St", "Ave", "Blvd", "Rd", "Dr", "Way", "Pkwy", "Ln"];
    public static readonly string[] StreetNames =
    [
        "Industrial", "Commerce", "Main", "Oak", "Airport", "Railroad", "Market", "Mission", "Harbor", "Center",
        "Frontage", "Warehouse", "Cedar", "Elm", "Washington", "Lincoln", "Jefferson", "Valley View", "Sunset", "Ridge",
    ];

    public static readonly string[] Sources = ["Google Maps", "Plusvibe", "Referral", "Website", "Inbound Call", "Trade Show"];
    public static readonly string[] Vendors = ["Samsara", "Verizon Connect", "Motive", "Geotab", "GPS Insight", "Linxup", "Azuga"];
    public static readonly string[] Titles = ["Owner", "Fleet Manager", "Operations Manager", "Office Manager", "Dispatcher", "General Manager", "President"];
    public static readonly string[] LostReasons =
    [
        "Went with Samsara", "Price too high for monthly service", "No budget this year", "Fleet too small to justify",
        "Under contract with current provider", "Stopped responding", "Owner not interested in tracking drivers",
    ];

    public const string BillingDomain = "gpsleaders.test";

    public static readonly TagDef[] Tags =
    [
        new("interested", "Interested", "DISPOSITION", "#16a34a", "Wants to hear more", false),
        new("not-interested", "Not interested", "DISPOSITION", "#6b7280", "Declined on the call", false),
        new("call-back", "Call back", "DISPOSITION", "#2563eb", "Asked us to call back later", false),
        new("voicemail", "Left voicemail", "DISPOSITION", "#7c3aed", "Reached voicemail and left a message", false),
        new("no-answer", "No answer", "DISPOSITION", "#9ca3af", "Rang out, no voicemail left", false),
        new("wrong-number", "Wrong number", "DISPOSITION", "#b91c1c", "Number does not belong to this business", false),
        new("demo-booked", "Demo booked", "DISPOSITION", "#0d9488", "A demo is on the calendar", true),
        new("quote-sent", "Quote sent", "DISPOSITION", "#ea580c", "A quote or invoice was sent", false),
        new("price-objection", "Price objection", "DISPOSITION", "#d97706", "Pushed back on hardware or monthly price", false),
        new("has-gps-provider", "Has GPS provider", "DISPOSITION", "#475569", "Already tracks vehicles with another vendor", false),
        new("dnc", "Do not contact", "DISPOSITION", "#000000", "Asked never to be contacted again", true),
        new("replied", "Replied", "DISPOSITION", "#0891b2", "Answered an SMS or email (set by the inbox)", true),
        new("sms-opt-out", "SMS opt-out", "DISPOSITION", "#991b1b", "Texted STOP (set by the SMS webhook)", true),
        new("icp-small-fleet", "Small fleet (1-9)", "ICP", "#a3e635", "1 to 9 vehicles", false),
        new("icp-mid-fleet", "Mid fleet (10-49)", "ICP", "#65a30d", "10 to 49 vehicles", false),
        new("icp-large-fleet", "Large fleet (50+)", "ICP", "#365314", "50 or more vehicles", false),
        new("gate-decision-maker", "Decision maker reached", "GATE", "#1d4ed8", "Talked to the person who signs", false),
        new("gate-fleet-confirmed", "Fleet size confirmed", "GATE", "#1e40af", "Vehicle count confirmed on a call", false),
        new("gate-budget-confirmed", "Budget confirmed", "GATE", "#1e3a8a", "Agreed to the monthly price range", false),
        new("referral-partner", "Referral partner", "CUSTOM", "#db2777", "Sends us customers", false),
        new("spanish-speaking", "Spanish speaking", "CUSTOM", "#c026d3", "Prefers Spanish on calls", false),
    ];

    public static string IcpTagFor(int fleetSize) => fleetSize switch
    {
        < 10 => "icp-small-fleet",
        < 50 => "icp-mid-fleet",
        _ => "icp-large-fleet",
    };

    /// <summary>Hardware once plus twelve months of service per unit, the way reps estimate a deal.</summary>
    public static decimal EstimatedRevenue(int units) => units * (79.00m + 12 * 24.95m);
}
