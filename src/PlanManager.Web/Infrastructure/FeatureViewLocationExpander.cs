using Microsoft.AspNetCore.Mvc.Razor;

namespace PlanManager.Web.Infrastructure;

/// <summary>Views live beside their feature: Features/{Controller}/Views/{Action}.cshtml.</summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
    [
        "/Features/{1}/Views/{0}.cshtml",
        "/Features/Shared/Views/{0}.cshtml",
        .. viewLocations,
    ];

    public void PopulateValues(ViewLocationExpanderContext context)
    {
    }
}
