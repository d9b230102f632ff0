using Microsoft.Extensions.Options;
using PlanManager.Web.Infrastructure.Photos;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class ThumbnailBacklogTests
{
    [Fact]
    public void A_full_backlog_refuses_more_photos_instead_of_growing()
    {
        var backlog = new ThumbnailBacklog(Options.Create(new ThumbnailOptions { Capacity = 2 }));

        Assert.True(backlog.TryEnqueue(1));
        Assert.True(backlog.TryEnqueue(2));
        Assert.False(backlog.TryEnqueue(3));
        Assert.Equal(2, backlog.Count);
    }
}
