namespace PlanManager.Web.Domain;

/// <summary>A bodyshop location of the database (J6).</summary>
public class Repairer : IHasAddress, IStamped
{
    public int Id { get; set; }
    public string Name { get; set; } = string.Empty;
    public string? Street { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? VatNumber { get; set; }

    /// <summary>The Informex mailbox number; Claims360's Carrosserie Id is prefilled from it.</summary>
    public string? ExternalReference { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
