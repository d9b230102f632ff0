using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PortalBookingRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ThumbnailPending",
                table: "JobPhotos",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<int>(
                name: "JobId",
                table: "Appointments",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<string>(
                name: "Registration",
                table: "Appointments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "HeldPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HeldPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HeldPhotos_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JobPhotos_ThumbnailPending",
                table: "JobPhotos",
                column: "ThumbnailPending");

            migrationBuilder.CreateIndex(
                name: "IX_HeldPhotos_AppointmentId",
                table: "HeldPhotos",
                column: "AppointmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HeldPhotos");

            migrationBuilder.DropIndex(
                name: "IX_JobPhotos_ThumbnailPending",
                table: "JobPhotos");

            migrationBuilder.DropColumn(
                name: "ThumbnailPending",
                table: "JobPhotos");

            migrationBuilder.DropColumn(
                name: "Registration",
                table: "Appointments");

            migrationBuilder.AlterColumn<int>(
                name: "JobId",
                table: "Appointments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
