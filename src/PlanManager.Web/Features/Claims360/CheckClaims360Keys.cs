using PlanManager.Connectors.Claims360;
using PlanManager.Connectors.Common;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.Web.Features.Claims360;

public enum Claims360KeyCheckOutcome
{
    /// <summary>Claims360 answered with these keys.</summary>
    Accepted,

    /// <summary>401: one key or both are wrong.</summary>
    KeysRefused,

    /// <summary>404: Claims360 knows no bodyshop with this carrosserie id.</summary>
    UnknownCarrosserie,

    /// <summary>Claims360 is switched off here: nothing was asked.</summary>
    ConnectorOff,

    /// <summary>No answer that says anything about the keys (down, slow, 5xx, 429, a bad body).</summary>
    NotChecked,
}

public sealed record Claims360KeyCheck(Claims360KeyCheckOutcome Outcome, string? Detail = null);

/// <summary>
/// Asks Claims360 for one assignment with keys typed into a set-up, before they are saved (C2, decision 0017):
/// the contract's read that needs both keys and the carrosserie id, and changes nothing at the platform.
/// </summary>
public sealed class CheckClaims360Keys(IClaims360Api api, ConnectorGateway gateway)
{
    public async Task<Claims360KeyCheck> CheckAsync(string carrosserieId, string bodyshopKey, string planManagerKey, CancellationToken cancellationToken)
    {
        var keys = new Claims360Keys(bodyshopKey, planManagerKey);
        var result = await gateway.CallAsync(ConnectorPlatform.Claims360, "check keys", null,
            ct => api.CheckKeysAsync(carrosserieId, keys, cancellationToken: ct), cancellationToken);
        return result.Outcome switch
        {
            ConnectorOutcome.Ok => new Claims360KeyCheck(Claims360KeyCheckOutcome.Accepted),
            ConnectorOutcome.Unauthorized => new Claims360KeyCheck(Claims360KeyCheckOutcome.KeysRefused),
            ConnectorOutcome.NotFound => new Claims360KeyCheck(Claims360KeyCheckOutcome.UnknownCarrosserie),
            ConnectorOutcome.Disabled => new Claims360KeyCheck(Claims360KeyCheckOutcome.ConnectorOff),
            _ => new Claims360KeyCheck(Claims360KeyCheckOutcome.NotChecked, PlatformImport.FailureText(result)),
        };
    }
}
