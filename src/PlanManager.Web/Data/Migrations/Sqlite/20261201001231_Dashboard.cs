using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Dashboard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ArrivedAt",
                table: "Jobs",
                type: "INTEGER",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
