using PlanManager.IntegrationTests.Infrastructure;
using PlanManager.Web.Data;

namespace PlanManager.IntegrationTests.Platform;

/// <summary>The two-node scenarios on one SQLite file (the embedded database: one writer at a time).</summary>
public sealed class TwoNodeTests() : TwoNodeScenarios(DatabaseProvider.Sqlite)
{
    [Fact]
    public Task Sixty_jobs_on_two_nodes_get_sixty_consecutive_numbers() => Sixty_jobs_created_at_once_on_two_nodes_get_sixty_consecutive_numbers();

    [Fact]
    public Task A_claims360_import_on_two_nodes_gives_each_assignment_once() => A_claims360_import_run_on_two_nodes_at_once_gives_each_assignment_once();

    [Fact]
    public Task A_caps_push_relayed_by_two_nodes_is_sent_once() => A_caps_push_owed_is_sent_once_when_both_nodes_relay_at_once();

    [Fact]
    public Task The_last_portal_place_booked_on_two_nodes_goes_to_one_customer() => Two_customers_booking_the_last_place_on_two_nodes_get_one_success();

    [Fact]
    public Task Two_staff_saving_one_job_on_two_nodes_get_one_save_and_one_conflict() =>
        Two_staff_saving_the_same_job_on_two_nodes_get_one_save_and_one_clear_conflict();
}

/// <summary>
/// The same on PostgreSQL, a server with many writers at READ COMMITTED, as production runs.
/// Needs PLANMANAGER_TEST_POSTGRES (CI starts a server and sets it).
/// </summary>
public sealed class TwoNodePostgreSqlTests() : TwoNodeScenarios(DatabaseProvider.PostgreSql)
{
    [PostgresFact]
    public Task Sixty_jobs_on_two_nodes_get_sixty_consecutive_numbers() => Sixty_jobs_created_at_once_on_two_nodes_get_sixty_consecutive_numbers();

    [PostgresFact]
    public Task A_claims360_import_on_two_nodes_gives_each_assignment_once() => A_claims360_import_run_on_two_nodes_at_once_gives_each_assignment_once();

    [PostgresFact]
    public Task A_caps_push_relayed_by_two_nodes_is_sent_once() => A_caps_push_owed_is_sent_once_when_both_nodes_relay_at_once();

    [PostgresFact]
    public Task The_last_portal_place_booked_on_two_nodes_goes_to_one_customer() => Two_customers_booking_the_last_place_on_two_nodes_get_one_success();

    [PostgresFact]
    public Task Two_staff_saving_one_job_on_two_nodes_get_one_save_and_one_conflict() =>
        Two_staff_saving_the_same_job_on_two_nodes_get_one_save_and_one_clear_conflict();
}
