using PlanManager.Connectors.Common;
using PlanManager.Web.Domain;
using PlanManager.Web.Infrastructure.Connectors;

namespace PlanManager.UnitTests.Infrastructure;

/// <summary>The one mapping between the platform enums (decision 0010): every member, both ways, by name.</summary>
public sealed class PlatformsTests
{
    [Fact]
    public void Every_connector_client_maps_to_the_setting_and_log_platform_of_the_same_name_and_back()
    {
        foreach (var platform in Enum.GetValues<ConnectorPlatform>())
        {
            var kind = Platforms.Kind(platform);
            Assert.Equal(platform.ToString(), kind.ToString());
            Assert.Equal(platform, Platforms.Connector(kind));
            Assert.Equal(platform.ToString(), Platforms.LogPlatform(platform).ToString());
            Assert.Equal(platform, Platforms.Connector(Platforms.LogPlatform(platform)));
        }
    }

    [Fact]
    public void Every_setting_has_a_log_platform_and_a_job_source_of_the_same_name()
    {
        foreach (var kind in Enum.GetValues<ConnectorKind>())
        {
            Assert.Equal(kind.ToString(), Platforms.LogPlatform(kind).ToString());
            Assert.Equal(kind.ToString(), Platforms.Source(kind).ToString());
        }
    }

    [Fact]
    public void Every_job_source_names_its_platform_in_the_log_and_staff_name_none()
    {
        foreach (var source in Enum.GetValues<JobSource>())
        {
            var expected = source == JobSource.Staff ? nameof(LogPlatform.None) : source.ToString();
            Assert.Equal(expected, Platforms.LogPlatform(source).ToString());
        }
    }

    [Fact]
    public void The_portal_has_no_connector_client()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Platforms.Connector(ConnectorKind.Portal));
        Assert.Throws<ArgumentOutOfRangeException>(() => Platforms.Connector(LogPlatform.None));
    }
}
