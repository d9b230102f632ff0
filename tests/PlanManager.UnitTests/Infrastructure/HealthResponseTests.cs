using System.Net;
using Microsoft.AspNetCore.Http;
using PlanManager.Web.Infrastructure;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class HealthResponseTests
{
    private static DefaultHttpContext From(string address, bool forwarded = false)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (forwarded)
        {
            context.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        }

        return context;
    }

    [Fact]
    public void A_probe_on_the_node_itself_sees_the_details() =>
        Assert.True(HealthResponse.MaySeeDetails(From("127.0.0.1")));

    [Fact]
    public void A_request_forwarded_by_the_proxy_on_loopback_does_not() =>
        Assert.False(HealthResponse.MaySeeDetails(From("127.0.0.1", forwarded: true)));

    [Fact]
    public void An_outside_caller_does_not() =>
        Assert.False(HealthResponse.MaySeeDetails(From("203.0.113.9")));
}
