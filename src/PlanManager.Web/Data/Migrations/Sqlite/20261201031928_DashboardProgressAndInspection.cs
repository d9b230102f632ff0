using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardProgressAndInspection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ArrivedAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "InspectionPoints",
                table: "InformexJobFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TechnicalInspection",
                table: "InformexJobFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Arguments = table.Column<string>(type: "TEXT", nullable: false),
                    ActiveKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: true),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OutcomeKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    OutcomeArguments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResultUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    BackgroundJobId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkProgress", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_CreatedAt_Source_RepairerId",
                table: "Jobs",
                columns: new[] { "CreatedAt", "Source", "RepairerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_OffSiteDate_RepairerId_ArrivedAt_CreatedAt",
                table: "Jobs",
                columns: new[] { "OffSiteDate", "RepairerId", "ArrivedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_VehicleInSince_Status_OffSiteDate_RepairerId",
                table: "Jobs",
                columns: new[] { "VehicleIn", "VehicleInSince", "Status", "OffSiteDate", "RepairerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Items_Status_RepairerId_ImportedAt",
                table: "Claims360Items",
                columns: new[] { "Status", "RepairerId", "ImportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CapsSyncStates_Attempts_LastAttemptAt",
                table: "CapsSyncStates",
                columns: new[] { "Attempts", "LastAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Start",
                table: "Appointments",
                column: "Start");

            migrationBuilder.CreateIndex(
                name: "IX_WorkProgress_ActiveKey",
                table: "WorkProgress",
                column: "ActiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkProgress_State_LeaseUntil",
                table: "WorkProgress",
                columns: new[] { "State", "LeaseUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkProgress");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_CreatedAt_Source_RepairerId",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_OffSiteDate_RepairerId_ArrivedAt_CreatedAt",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_VehicleInSince_Status_OffSiteDate_RepairerId",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Claims360Items_Status_RepairerId_ImportedAt",
                table: "Claims360Items");

            migrationBuilder.DropIndex(
                name: "IX_CapsSyncStates_Attempts_LastAttemptAt",
                table: "CapsSyncStates");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_Start",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "ArrivedAt",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "InspectionPoints",
                table: "InformexJobFiles");

            migrationBuilder.DropColumn(
                name: "TechnicalInspection",
                table: "InformexJobFiles");
        }
    }
}
