namespace PlanManager.Web.Domain;

/// <summary>Column lengths, shared by the database mapping and the validators so both say the same.</summary>
public static class JobLimits
{
    public const int Registration = 20;
    public const int ShortText = 100;
    public const int Vin = 17;
    public const int ClaimNumber = 50;
    public const int LongText = 4000;
    public const int MaxMileage = 2_000_000;
}

public static class PartyLimits
{
    public const int Name = 200;
    public const int Street = 200;
    public const int PostalCode = 20;
    public const int City = 100;
    public const int Country = 100;
    public const int Phone = 50;
    public const int Email = 256;
    public const int VatNumber = 30;
    public const int ExternalReference = 50;
    public const int CapsCode = 50;
}

/// <summary>Lengths of what Claims360 sends (claims360.yaml) as PlanManager keeps it.</summary>
public static class Claims360Limits
{
    public const int AssignmentNumber = 50;
    public const int Vin = 30;
    public const int DossierId = 100;
    public const int CarrosserieId = 50;
}
