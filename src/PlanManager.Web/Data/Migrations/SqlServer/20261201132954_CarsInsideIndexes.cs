using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CarsInsideIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_Status_OffSiteDate",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince_Status_OffSiteDate",
                table: "Jobs",
                columns: new[] { "VehicleIn", "RepairerId", "VehicleInSince", "Status", "OffSiteDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_Status_OffSiteDate_VehicleInSince_RepairerId",
                table: "Jobs",
                columns: new[] { "VehicleIn", "Status", "OffSiteDate", "VehicleInSince", "RepairerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince_Status_OffSiteDate",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_Status_OffSiteDate_VehicleInSince_RepairerId",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince",
                table: "Jobs",
                columns: new[] { "VehicleIn", "RepairerId", "VehicleInSince" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_Status_OffSiteDate",
                table: "Jobs",
                columns: new[] { "VehicleIn", "Status", "OffSiteDate" });
        }
    }
}
