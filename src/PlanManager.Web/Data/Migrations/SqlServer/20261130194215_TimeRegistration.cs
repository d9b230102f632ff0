using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TimeRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Kiosks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    OpenedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    FailedCodes = table.Column<int>(type: "int", nullable: false),
                    LockedUntil = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Kiosks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Kiosks_Repairers_RepairerId",
                        column: x => x.RepairerId,
                        principalTable: "Repairers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Technicians",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Department = table.Column<int>(type: "int", nullable: false),
                    CodeHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Technicians", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Technicians_Repairers_RepairerId",
                        column: x => x.RepairerId,
                        principalTable: "Repairers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClockLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TechnicianId = table.Column<int>(type: "int", nullable: false),
                    JobId = table.Column<int>(type: "int", nullable: false),
                    Task = table.Column<int>(type: "int", nullable: false),
                    Department = table.Column<int>(type: "int", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndReason = table.Column<int>(type: "int", nullable: true),
                    NeedsReview = table.Column<bool>(type: "bit", nullable: false),
                    ReviewedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ReviewedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClockLines_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClockLines_Technicians_TechnicianId",
                        column: x => x.TechnicianId,
                        principalTable: "Technicians",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClockCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ClockLineId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    StartBefore = table.Column<long>(type: "bigint", nullable: false),
                    EndBefore = table.Column<long>(type: "bigint", nullable: true),
                    TaskBefore = table.Column<int>(type: "int", nullable: false),
                    StartAfter = table.Column<long>(type: "bigint", nullable: false),
                    EndAfter = table.Column<long>(type: "bigint", nullable: false),
                    TaskAfter = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClockCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClockCorrections_ClockLines_ClockLineId",
                        column: x => x.ClockLineId,
                        principalTable: "ClockLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClockCorrections_ClockLineId",
                table: "ClockCorrections",
                column: "ClockLineId");

            migrationBuilder.CreateIndex(
                name: "IX_ClockLines_EndedAt",
                table: "ClockLines",
                column: "EndedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ClockLines_JobId_StartedAt",
                table: "ClockLines",
                columns: new[] { "JobId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClockLines_OneOpenPerTechnician",
                table: "ClockLines",
                column: "TechnicianId",
                unique: true,
                filter: "\"EndedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ClockLines_TechnicianId_StartedAt",
                table: "ClockLines",
                columns: new[] { "TechnicianId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Kiosks_RepairerId_ClosedAt",
                table: "Kiosks",
                columns: new[] { "RepairerId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Technicians_RepairerId_CodeHash",
                table: "Technicians",
                columns: new[] { "RepairerId", "CodeHash" },
                unique: true,
                filter: "[CodeHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Technicians_RepairerId_Name",
                table: "Technicians",
                columns: new[] { "RepairerId", "Name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClockCorrections");

            migrationBuilder.DropTable(
                name: "Kiosks");

            migrationBuilder.DropTable(
                name: "ClockLines");

            migrationBuilder.DropTable(
                name: "Technicians");
        }
    }
}
