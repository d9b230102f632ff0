using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Claims360Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ImportedUpTo",
                table: "Claims360Setups",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastImportAt",
                table: "Claims360Setups",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastImportError",
                table: "Claims360Setups",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastImportErrorAt",
                table: "Claims360Setups",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Claims360Estimates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    JobId = table.Column<int>(type: "int", nullable: false),
                    EstimateNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    LabourHours = table.Column<decimal>(type: "decimal(9,2)", precision: 9, scale: 2, nullable: true),
                    TotalExclVat = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    VatAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    TotalInclVat = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    PlatformUpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LoadedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims360Estimates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims360Estimates_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Claims360Items",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    AssignmentNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Complete = table.Column<bool>(type: "bit", nullable: false),
                    Work = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Make = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    LicensePlate = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Vin = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    Mileage = table.Column<int>(type: "int", nullable: true),
                    CustomerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    InsurerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ClaimNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    SmartExpertise = table.Column<bool>(type: "bit", nullable: false),
                    DossierId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PlatformUpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    ImportedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    JobId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims360Items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims360Items_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Claims360Items_Repairers_RepairerId",
                        column: x => x.RepairerId,
                        principalTable: "Repairers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Claims360JobLinks",
                columns: table => new
                {
                    JobId = table.Column<int>(type: "int", nullable: false),
                    CarrosserieId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DossierId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LinkedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastSentAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims360JobLinks", x => x.JobId);
                    table.ForeignKey(
                        name: "FK_Claims360JobLinks_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Claims360PhotoTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    JobId = table.Column<int>(type: "int", nullable: false),
                    Outgoing = table.Column<bool>(type: "bit", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims360PhotoTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims360PhotoTransfers_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Claims360EstimateLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EstimateVersionId = table.Column<int>(type: "int", nullable: false),
                    LineNo = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(18,3)", precision: 18, scale: 3, nullable: true),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims360EstimateLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Claims360EstimateLine_Claims360Estimates_EstimateVersionId",
                        column: x => x.EstimateVersionId,
                        principalTable: "Claims360Estimates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Claims360EstimateLine_EstimateVersionId",
                table: "Claims360EstimateLine",
                column: "EstimateVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Estimates_JobId_Version",
                table: "Claims360Estimates",
                columns: new[] { "JobId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Items_ImportedAt",
                table: "Claims360Items",
                column: "ImportedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Items_JobId",
                table: "Claims360Items",
                column: "JobId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Items_RepairerId_AssignmentNumber",
                table: "Claims360Items",
                columns: new[] { "RepairerId", "AssignmentNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims360JobLinks_DossierId",
                table: "Claims360JobLinks",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims360PhotoTransfers_JobId_Outgoing_Key",
                table: "Claims360PhotoTransfers",
                columns: new[] { "JobId", "Outgoing", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Claims360EstimateLine");

            migrationBuilder.DropTable(
                name: "Claims360Items");

            migrationBuilder.DropTable(
                name: "Claims360JobLinks");

            migrationBuilder.DropTable(
                name: "Claims360PhotoTransfers");

            migrationBuilder.DropTable(
                name: "Claims360Estimates");

            migrationBuilder.DropColumn(
                name: "ImportedUpTo",
                table: "Claims360Setups");

            migrationBuilder.DropColumn(
                name: "LastImportAt",
                table: "Claims360Setups");

            migrationBuilder.DropColumn(
                name: "LastImportError",
                table: "Claims360Setups");

            migrationBuilder.DropColumn(
                name: "LastImportErrorAt",
                table: "Claims360Setups");
        }
    }
}
