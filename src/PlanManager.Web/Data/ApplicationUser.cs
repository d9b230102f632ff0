using Microsoft.AspNetCore.Identity;

namespace PlanManager.Web.Data;

public class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
