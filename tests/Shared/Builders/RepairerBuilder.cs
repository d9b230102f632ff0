using PlanManager.Web.Domain;

namespace PlanManager.Tests.Builders;

/// <summary>Test data for repairers (locations), Belgian by default.</summary>
public sealed class RepairerBuilder
{
    private readonly Repairer _repairer = new() { Name = "Carrosserie Gent", Country = "BE", City = "Gent" };

    public static RepairerBuilder Belgian(string name = "Carrosserie Gent") => new RepairerBuilder().Name(name).Country("BE");
    public static RepairerBuilder British(string name = "Leeds Body Repairs") => new RepairerBuilder().Name(name).Country("GB").City("Leeds");

    public RepairerBuilder Name(string name) { _repairer.Name = name; return this; }
    public RepairerBuilder Country(string country) { _repairer.Country = country; return this; }
    public RepairerBuilder City(string city) { _repairer.City = city; return this; }

    /// <summary>The Informex mailbox / Claims360 carrosserie id.</summary>
    public RepairerBuilder ExternalReference(string? reference) { _repairer.ExternalReference = reference; return this; }

    public Repairer Build() => _repairer;

    public static implicit operator Repairer(RepairerBuilder builder) => builder?.Build() ?? throw new ArgumentNullException(nameof(builder));
}
