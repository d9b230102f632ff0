namespace PlanManager.Web.Domain;

public static class Roles
{
    public const string Staff = "Staff";
    public const string Support = "Support";

    /// <summary>Either role may work with jobs; Support also administers the database.</summary>
    public const string StaffOrSupport = Staff + "," + Support;
}
