using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Informex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims360PhotoTransfers_JobId_Outgoing_Key",
                table: "Claims360PhotoTransfers");

            migrationBuilder.DropIndex(
                name: "IX_Claims360Estimates_JobId_Version",
                table: "Claims360Estimates");

            migrationBuilder.AddColumn<int>(
                name: "Platform",
                table: "Claims360PhotoTransfers",
                type: "int",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "Platform",
                table: "Claims360Estimates",
                type: "int",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "InformexJobFiles",
                columns: table => new
                {
                    JobId = table.Column<int>(type: "int", nullable: false),
                    Vin = table.Column<string>(type: "nvarchar(17)", maxLength: 17, nullable: true),
                    FirstRegistration = table.Column<DateOnly>(type: "date", nullable: true),
                    Mileage = table.Column<int>(type: "int", nullable: true),
                    MileageUnknown = table.Column<bool>(type: "bit", nullable: false),
                    PowerKw = table.Column<int>(type: "int", nullable: true),
                    CylinderCc = table.Column<int>(type: "int", nullable: true),
                    Co2 = table.Column<int>(type: "int", nullable: true),
                    EngineType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ParticleFilter = table.Column<bool>(type: "bit", nullable: true),
                    PreviousDamage = table.Column<bool>(type: "bit", nullable: false),
                    BreakIn = table.Column<bool>(type: "bit", nullable: false),
                    ArrivalAtRepairer = table.Column<DateOnly>(type: "date", nullable: true),
                    Immobilised = table.Column<bool>(type: "bit", nullable: false),
                    RepairDays = table.Column<int>(type: "int", nullable: true),
                    Mailbox = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    DossierNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    AssignmentNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    LinkSentAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformexJobFiles", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_InformexJobFiles_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InformexTransmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    AssignmentNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    InsurerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClaimNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    LicensePlate = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    LicensePlateKey = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Vin = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Make = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformexTransmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InformexTransmissions_Repairers_RepairerId",
                        column: x => x.RepairerId,
                        principalTable: "Repairers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Claims360PhotoTransfers_JobId_Platform_Outgoing_Key",
                table: "Claims360PhotoTransfers",
                columns: new[] { "JobId", "Platform", "Outgoing", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Estimates_JobId_Platform_Version",
                table: "Claims360Estimates",
                columns: new[] { "JobId", "Platform", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformexJobFiles_AssignmentNumber",
                table: "InformexJobFiles",
                column: "AssignmentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_InformexJobFiles_DossierNumber",
                table: "InformexJobFiles",
                column: "DossierNumber");

            migrationBuilder.CreateIndex(
                name: "IX_InformexTransmissions_LicensePlateKey",
                table: "InformexTransmissions",
                column: "LicensePlateKey");

            migrationBuilder.CreateIndex(
                name: "IX_InformexTransmissions_ReceivedAt",
                table: "InformexTransmissions",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InformexTransmissions_RepairerId_AssignmentNumber",
                table: "InformexTransmissions",
                columns: new[] { "RepairerId", "AssignmentNumber" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InformexJobFiles");

            migrationBuilder.DropTable(
                name: "InformexTransmissions");

            migrationBuilder.DropIndex(
                name: "IX_Claims360PhotoTransfers_JobId_Platform_Outgoing_Key",
                table: "Claims360PhotoTransfers");

            migrationBuilder.DropIndex(
                name: "IX_Claims360Estimates_JobId_Platform_Version",
                table: "Claims360Estimates");

            migrationBuilder.DropColumn(
                name: "Platform",
                table: "Claims360PhotoTransfers");

            migrationBuilder.DropColumn(
                name: "Platform",
                table: "Claims360Estimates");

            migrationBuilder.CreateIndex(
                name: "IX_Claims360PhotoTransfers_JobId_Outgoing_Key",
                table: "Claims360PhotoTransfers",
                columns: new[] { "JobId", "Outgoing", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Estimates_JobId_Version",
                table: "Claims360Estimates",
                columns: new[] { "JobId", "Version" },
                unique: true);
        }
    }
}
