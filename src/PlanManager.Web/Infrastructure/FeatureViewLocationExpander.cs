using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace PlanManager.Web.Infrastructure;

/// <summary>
/// Views live beside their feature. The feature is the controller's namespace
/// (PlanManager.Web.Features.Administration → Features/Administration), so a feature with
/// several controllers keeps them together: Features/{feature}/Views/{Controller}/{Action}.cshtml,
/// then Features/{feature}/Views/{Action}.cshtml, then Features/Shared/Views.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Values.TryGetValue(FeatureKey, out var value) && value is not null ? value : "{1}";
        return
        [
            $"/Features/{feature}/Views/{{1}}/{{0}}.cshtml",
            $"/Features/{feature}/Views/{{0}}.cshtml",
            "/Features/Shared/Views/{0}.cshtml",
            .. viewLocations,
        ];
    }

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor controller
            && controller.ControllerTypeInfo.Namespace?.Split('.') is [.., "Features", var feature])
        {
            context.Values[FeatureKey] = feature;
        }
    }
}
