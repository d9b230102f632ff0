namespace PlanManager.Web;

/// <summary>Marker for Resources/SharedResource(.nl|.fr).resx: every text of the staff app.</summary>
public sealed class SharedResource;
