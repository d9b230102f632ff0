using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class VehiclesInsideOrderAndFinishedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_Status_OffSiteDate",
                table: "Jobs",
                columns: new[] { "VehicleIn", "Status", "OffSiteDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_VehicleInSince_Number",
                table: "Jobs",
                columns: new[] { "VehicleIn", "VehicleInSince", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_Status_OffSiteDate",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_VehicleInSince_Number",
                table: "Jobs");
        }
    }
}
