using System.ComponentModel.DataAnnotations;

namespace PlanManager.Web.Features.Shared;

/// <summary>The address and contact fields that repairers and third parties share, drawn by _AddressFields.</summary>
public interface IAddressForm
{
    [Display(Name = "Party.Street")]
    string? Street { get; set; }

    [Display(Name = "Party.PostalCode")]
    string? PostalCode { get; set; }

    [Display(Name = "Party.City")]
    string? City { get; set; }

    [Display(Name = "Party.Country")]
    string? Country { get; set; }

    [Display(Name = "Party.Phone")]
    string? Phone { get; set; }

    [Display(Name = "Party.Email")]
    string? Email { get; set; }
}
