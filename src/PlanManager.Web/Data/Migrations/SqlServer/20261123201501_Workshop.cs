using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Workshop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Jobs_VehicleIn_RepairerId",
                table: "Jobs");

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

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_VehicleIn_RepairerId_VehicleInSince",
                table: "Jobs",
                columns: new[] { "VehicleIn", "RepairerId", "VehicleInSince" });

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
