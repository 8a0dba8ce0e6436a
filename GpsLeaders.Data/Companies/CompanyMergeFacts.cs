namespace GpsLeaders.Data.Companies;

/// <summary>
/// One kind of row that belongs to a company and moves to the survivor in a merge.
/// <paramref name="Key"/> is the name used in counts and in the <c>company.merged</c> activity detail.
/// </summary>
public sealed record MergedKind(string Key, string Label, string Table, bool HasUpdatedAt);

/// <summary>A company offered as the duplicate to merge away (search result for the merge dialog).</summary>
public sealed record MergeCandidate(string Id, string Name, string? Phone, string? Website, CompanyStatus Status);

/// <summary>What a merge of <see cref="DuplicateName"/> into <see cref="SurvivorName"/> would do, read at the given versions.</summary>
public sealed record CompanyMergePreview(
    string SurvivorId, string SurvivorName, uint SurvivorVersion,
    string DuplicateId, string DuplicateName, uint DuplicateVersion,
    IReadOnlyDictionary<string, int> Moves, IReadOnlyList<string> FieldsToFill)
{
    public int TotalMoves => Moves.Values.Sum();
}

/// <summary>What a merge did: rows moved per kind and the survivor fields filled from the duplicate.</summary>
public sealed record CompanyMergeResult(string SurvivorId, string ActivityId, IReadOnlyDictionary<string, int> Moved, IReadOnlyList<string> FilledFields);
