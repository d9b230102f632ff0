namespace PlanManager.Connectors.Common;

/// <summary>An estimate version (claims360.yaml Estimate; informex.yaml answers the same shape).</summary>
public sealed record EstimateDto(
    string EstimateNumber,
    int Version,
    string? Currency,
    decimal? LabourHours,
    decimal TotalExclVat,
    decimal VatAmount,
    decimal TotalInclVat,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<EstimateLineDto> Lines);

public sealed record EstimateLineDto(
    int LineNo,
    string Kind,
    string? Code,
    string Description,
    decimal? Quantity,
    decimal? UnitPrice,
    decimal Amount);

/// <summary>A problem answer (400) as the contracts describe it.</summary>
public sealed record ProblemDto(string? Title, IReadOnlyDictionary<string, string[]>? Errors);
