namespace PlanManager.Connectors.Common;

/// <summary>The four claims platforms (../shared/contracts).</summary>
public enum ConnectorPlatform
{
    Caps = 1,
    AudatexUk = 2,
    Claims360 = 3,
    Informex = 4,
}
