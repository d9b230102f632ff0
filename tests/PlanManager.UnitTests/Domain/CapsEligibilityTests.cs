using PlanManager.Web.Domain;

namespace PlanManager.UnitTests.Domain;

public sealed class CapsEligibilityTests
{
    private static readonly CapsSyncFacts Eligible = new(CapsConfigured: true, JobNumber: 614, Make: "BMW", Registration: "AB12 CDE", ClaimNumber: "CLM-1",
        HasInsurer: true, InsurerCapsCode: "AVIVA01");

    [Fact]
    public void A_job_with_everything_caps_needs_is_eligible()
    {
        Assert.Empty(CapsEligibility.Missing(Eligible));
        Assert.True(CapsEligibility.IsEligible(Eligible));
    }

    public static TheoryData<CapsSyncFacts, string> EachMissingItem() => new()
    {
        { Eligible with { CapsConfigured = false }, CapsEligibility.CapsConfigured },
        { Eligible with { JobNumber = 0 }, CapsEligibility.JobNumber },
        { Eligible with { Make = null }, CapsEligibility.Make },
        { Eligible with { Make = "  " }, CapsEligibility.Make },
        { Eligible with { Registration = "" }, CapsEligibility.Registration },
        { Eligible with { ClaimNumber = null }, CapsEligibility.ClaimNumber },
        { Eligible with { ClaimNumber = " " }, CapsEligibility.ClaimNumber },
        { Eligible with { HasInsurer = false, InsurerCapsCode = null }, CapsEligibility.Insurer },
        { Eligible with { InsurerCapsCode = null }, CapsEligibility.InsurerCapsCode },
        { Eligible with { InsurerCapsCode = "" }, CapsEligibility.InsurerCapsCode },
    };

    [Theory]
    [MemberData(nameof(EachMissingItem))]
    public void A_job_lacking_one_item_is_not_eligible_and_that_item_is_named(CapsSyncFacts facts, string missing)
    {
        Assert.Equal([missing], CapsEligibility.Missing(facts));
        Assert.False(CapsEligibility.IsEligible(facts));
    }

    [Fact]
    public void Every_missing_item_is_named_in_the_order_the_job_screen_shows_them()
    {
        var nothing = new CapsSyncFacts(false, 0, null, null, null, false, null);

        Assert.Equal(
            [CapsEligibility.CapsConfigured, CapsEligibility.JobNumber, CapsEligibility.Make, CapsEligibility.Registration, CapsEligibility.ClaimNumber,
                CapsEligibility.Insurer],
            CapsEligibility.Missing(nothing));
    }

    [Fact]
    public void Missing_claim_number_and_insurer_caps_code_are_both_named()
    {
        Assert.Equal([CapsEligibility.ClaimNumber, CapsEligibility.InsurerCapsCode],
            CapsEligibility.Missing(Eligible with { ClaimNumber = null, InsurerCapsCode = null }));
    }
}
