using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ConnectorsAndWorkshop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_RepairerId",
                table: "Jobs");

            migrationBuilder.CreateTable(
                name: "Audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Area = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Claims360Setups",
                columns: table => new
                {
                    RepairerId = table.Column<int>(type: "int", nullable: false),
                    CarrosserieId = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    ProtectedBodyshopKey = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    ProtectedPlanManagerKey = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims360Setups", x => x.RepairerId);
                    table.ForeignKey(
                        name: "FK_Claims360Setups_Repairers_RepairerId",
                        column: x => x.RepairerId,
                        principalTable: "Repairers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConnectorSettings",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    SiteCode = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    InformexQueueing = table.Column<bool>(type: "bit", nullable: false),
                    ProtectedSecret = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    LastCheckAt = table.Column<long>(type: "bigint", nullable: true),
                    LastCheckOk = table.Column<bool>(type: "bit", nullable: true),
                    LastCheckDetail = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConnectorSettings", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "JobPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    JobId = table.Column<int>(type: "int", nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ThumbnailName = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    OriginalFileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    Format = table.Column<int>(type: "int", nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "int", nullable: true),
                    Height = table.Column<int>(type: "int", nullable: true),
                    Source = table.Column<int>(type: "int", nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JobPhotos_Jobs_JobId",
                        column: x => x.JobId,
                        principalTable: "Jobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ConnectorSettings",
                columns: new[] { "Kind", "Enabled", "InformexQueueing", "LastCheckAt", "LastCheckDetail", "LastCheckOk", "ProtectedSecret", "SiteCode", "UpdatedAt", "UpdatedBy" },
                values: new object[,]
                {
                    { 1, false, false, null, null, null, null, null, null, null },
                    { 2, false, false, null, null, null, null, null, null, null },
                    { 3, false, false, null, null, null, null, null, null, null },
                    { 4, false, false, null, null, null, null, null, null, null },
                    { 5, false, false, null, null, null, null, null, null, null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince",
                table: "Jobs",
                columns: new[] { "VehicleIn", "RepairerId", "VehicleInSince" });

            migrationBuilder.CreateIndex(
                name: "IX_Audit_At",
                table: "Audit",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Claims360Setups_CarrosserieId",
                table: "Claims360Setups",
                column: "CarrosserieId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_JobPhotos_JobId_UploadedAt",
                table: "JobPhotos",
                columns: new[] { "JobId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobPhotos_StoredName",
                table: "JobPhotos",
                column: "StoredName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Audit");

            migrationBuilder.DropTable(
                name: "Claims360Setups");

            migrationBuilder.DropTable(
                name: "ConnectorSettings");

            migrationBuilder.DropTable(
                name: "JobPhotos");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince",
                table: "Jobs");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_RepairerId",
                table: "Jobs",
                columns: new[] { "VehicleIn", "RepairerId" });
        }
    }
}
