namespace PlanManager.Web.Domain;

/// <summary>The address and contact details repairers and third parties both carry.</summary>
public interface IHasAddress
{
    string? Street { get; set; }
    string? PostalCode { get; set; }
    string? City { get; set; }
    string? Country { get; set; }
    string? Phone { get; set; }
    string? Email { get; set; }
}
