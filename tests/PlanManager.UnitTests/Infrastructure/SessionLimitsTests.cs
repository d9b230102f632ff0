using PlanManager.Web.Infrastructure;

namespace PlanManager.UnitTests.Infrastructure;

public sealed class SessionLimitsTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_sign_in_lasts_a_working_day() =>
        Assert.False(SessionLimits.IsPastAbsoluteLimit(SignedIn, SignedIn.AddHours(11).AddMinutes(59)));

    [Fact]
    public void After_twelve_hours_the_session_ends_however_busy_it_was() =>
        Assert.True(SessionLimits.IsPastAbsoluteLimit(SignedIn, SignedIn.AddHours(12).AddMinutes(1)));

    [Fact]
    public void A_cookie_without_an_issue_time_is_not_trusted() =>
        Assert.True(SessionLimits.IsPastAbsoluteLimit(null, SignedIn));
}
