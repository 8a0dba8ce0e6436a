using GpsLeaders.Data.Contacts;

namespace GpsLeaders.Data.Leads;

/// <summary>
/// A new lead: an existing contact (<see cref="ContactId"/>) or one typed inline (<see cref="NewContact"/>), and
/// optionally a company, existing (<see cref="CompanyId"/>) or by name (matched on its normalised name, else created).
/// </summary>
public sealed record LeadInput(
    string? ContactId = null,
    ContactInput? NewContact = null,
    string? CompanyId = null,
    string? CompanyName = null,
    string? Source = null,
    string? SourceCampaign = null,
    int? EstimatedUnits = null,
    decimal? EstimatedRevenue = null,
    LeadStage Stage = LeadStage.NEW_LEAD,
    string? LostReason = null);

/// <summary>The editable deal facts of a lead.</summary>
public sealed record LeadDeal(string? Source, string? SourceCampaign, int? EstimatedUnits, decimal? EstimatedRevenue);
