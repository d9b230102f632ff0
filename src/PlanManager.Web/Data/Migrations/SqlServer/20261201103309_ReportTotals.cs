using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportMonthChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMonthChanges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportMonths",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    CarsLeft = table.Column<int>(type: "int", nullable: false),
                    CarsWithArrival = table.Column<int>(type: "int", nullable: false),
                    KeysToKeysTicks = table.Column<long>(type: "bigint", nullable: false),
                    EstimateToDeliveryTicks = table.Column<long>(type: "bigint", nullable: false),
                    OpenedStaff = table.Column<int>(type: "int", nullable: false),
                    OpenedPortal = table.Column<int>(type: "int", nullable: false),
                    OpenedCaps = table.Column<int>(type: "int", nullable: false),
                    OpenedAudatexUk = table.Column<int>(type: "int", nullable: false),
                    OpenedClaims360 = table.Column<int>(type: "int", nullable: false),
                    OpenedInformex = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMonths", x => new { x.Month, x.RepairerId });
                });

            migrationBuilder.InsertData(
                table: "JobNumberCounters",
                columns: new[] { "Name", "LastValue" },
                values: new object[] { "ReportTotals", 0 });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_RepairerId_OffSiteDate_ArrivedAt_CreatedAt",
                table: "Jobs",
                columns: new[] { "RepairerId", "OffSiteDate", "ArrivedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportMonthChanges_Month_RepairerId",
                table: "ReportMonthChanges",
                columns: new[] { "Month", "RepairerId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportMonthChanges");

            migrationBuilder.DropTable(
                name: "ReportMonths");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_RepairerId_OffSiteDate_ArrivedAt_CreatedAt",
                table: "Jobs");

            migrationBuilder.DeleteData(
                table: "JobNumberCounters",
                keyColumn: "Name",
                keyValue: "ReportTotals");
        }
    }
}
