using System.Collections.Frozen;

namespace GpsLeaders.Data.Contacts;

/// <summary>One US geographic area code: its state (or territory) and the IANA zone most of its numbers keep.</summary>
public sealed record AreaCodeInfo(string AreaCode, string State, string TimeZone);

/// <summary>
/// US area code → IANA time zone: the fallback when libphonenumber names no single zone for a number (see
/// <see cref="UsPhoneNumbers.TimeZoneOf"/>), the area codes the call-list builder filters a zone by, and the codes
/// seed data draws numbers from.
/// Zones are canonical ones with today's rules (Michigan → America/New_York, Idaho → America/Denver);
/// Arizona is America/Phoenix because it skips DST. Codes that straddle a zone line take the zone of most
/// of their population (850 Florida Panhandle → Central, 812 Indiana → Eastern, 915 El Paso → Mountain).
/// Overlays share their parent's zone. Canada and the Caribbean members of the NANP are not listed.
/// </summary>
public static class AreaCodeTimeZones
{
    private const string Eastern = "America/New_York", Central = "America/Chicago", Mountain = "America/Denver",
        Arizona = "America/Phoenix", Pacific = "America/Los_Angeles", Alaska = "America/Anchorage", Hawaii = "Pacific/Honolulu";

    // (state, zone, codes). A state appears once per zone it has codes in.
    private static readonly (string State, string Zone, string Codes)[] Table =
    [
        ("AL", Central, "205 251 256 334 483 659 938"),
        ("AK", Alaska, "907"),
        ("AZ", Arizona, "480 520 602 623 928"),
        ("AR", Central, "327 479 501 870"),
        ("CA", Pacific, "209 213 279 310 323 341 350 357 369 408 415 424 442 510 530 559 562 619 626 628 650 657 661 669 707 714 738 747 760 805 818 820 831 837 840 858 909 916 925 949 951"),
        ("CO", Mountain, "303 719 720 748 970 983"),
        ("CT", Eastern, "203 475 860 959"),
        ("DE", Eastern, "302"),
        ("DC", Eastern, "202 771"),
        ("FL", Eastern, "239 305 321 324 352 386 407 561 645 656 689 727 728 754 772 786 813 863 904 941 954"),
        ("FL", Central, "448 850"),
        ("GA", Eastern, "229 404 470 478 678 706 762 770 912 943"),
        ("HI", Hawaii, "808"),
        ("ID", Mountain, "208 986"),
        ("IL", Central, "217 224 309 312 331 447 464 618 630 708 730 773 779 815 847 861 872"),
        ("IN", Eastern, "260 317 463 574 765 812 930"),
        ("IN", Central, "219"),
        ("IA", Central, "319 515 563 641 712"),
        ("KS", Central, "316 620 785 913"),
        ("KY", Eastern, "502 606 859"),
        ("KY", Central, "270 364"),
        ("LA", Central, "225 318 337 504 985"),
        ("ME", Eastern, "207"),
        ("MD", Eastern, "227 240 301 410 443 667"),
        ("MA", Eastern, "339 351 413 508 617 774 781 857 978"),
        ("MI", Eastern, "231 248 269 313 517 586 616 679 734 810 906 947 989"),
        ("MN", Central, "218 320 507 612 651 763 952"),
        ("MS", Central, "228 601 662 769"),
        ("MO", Central, "235 314 417 557 573 636 660 816 975"),
        ("MT", Mountain, "406"),
        ("NE", Central, "308 402 531"),
        ("NV", Pacific, "702 725 775"),
        ("NH", Eastern, "603"),
        ("NJ", Eastern, "201 551 609 640 732 848 856 862 908 973"),
        ("NM", Mountain, "505 575"),
        ("NY", Eastern, "212 315 329 332 347 363 465 516 518 585 607 624 631 646 680 716 718 838 845 914 917 929 934"),
        ("NC", Eastern, "252 336 472 704 743 828 910 919 980 984"),
        ("ND", Central, "701"),
        ("OH", Eastern, "216 220 234 283 326 330 380 419 436 440 513 567 614 740 937"),
        ("OK", Central, "405 539 572 580 918"),
        ("OR", Pacific, "458 503 541 971"),
        ("PA", Eastern, "215 223 267 272 412 445 484 570 582 610 717 724 814 834 878"),
        ("RI", Eastern, "401"),
        ("SC", Eastern, "803 821 839 843 854 864"),
        ("SD", Central, "605"),
        ("TN", Eastern, "423 865"),
        ("TN", Central, "615 629 731 901 931"),
        ("TX", Central, "210 214 254 281 325 346 361 409 430 432 469 512 621 682 713 726 737 806 817 830 832 903 936 940 945 956 972 979"),
        ("TX", Mountain, "915"),
        ("UT", Mountain, "385 435 801"),
        ("VT", Eastern, "802"),
        ("VA", Eastern, "276 434 540 571 686 703 757 804 826 948"),
        ("WA", Pacific, "206 253 360 425 509 564"),
        ("WV", Eastern, "304 681"),
        ("WI", Central, "262 274 353 414 534 608 715 920"),
        ("WY", Mountain, "307"),
        ("PR", "America/Puerto_Rico", "787 939"),
        ("VI", "America/St_Thomas", "340"),
        ("GU", "Pacific/Guam", "671"),
        ("MP", "Pacific/Saipan", "670"),
        ("AS", "Pacific/Pago_Pago", "684"),
    ];

    /// <summary>Every listed area code, keyed by its three digits.</summary>
    public static readonly FrozenDictionary<string, AreaCodeInfo> All = Table
        .SelectMany(row => row.Codes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(code => new AreaCodeInfo(code, row.State, row.Zone)))
        .ToFrozenDictionary(info => info.AreaCode, StringComparer.Ordinal);

    /// <summary>Area codes of the 50 states and DC (territories excluded), in ascending order.</summary>
    public static readonly IReadOnlyList<string> StateAreaCodes = All.Values
        .Where(info => info.State is not ("PR" or "VI" or "GU" or "MP" or "AS"))
        .Select(info => info.AreaCode).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The IANA zone for a three-digit area code, or null when it is not a listed US code.</summary>
    public static string? ForAreaCode(string? areaCode) =>
        areaCode is not null && All.TryGetValue(areaCode, out var info) ? info.TimeZone : null;

    /// <summary>The listed area codes of one state or territory (two-letter postal code).</summary>
    public static IReadOnlyList<string> InState(string state) => All.Values
        .Where(info => info.State == state).Select(info => info.AreaCode).Order(StringComparer.Ordinal).ToArray();
}
