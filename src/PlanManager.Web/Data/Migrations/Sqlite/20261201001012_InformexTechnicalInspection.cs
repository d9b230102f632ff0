using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InformexTechnicalInspection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InspectionPoints",
                table: "InformexJobFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "TechnicalInspection",
                table: "InformexJobFiles",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InspectionPoints",
                table: "InformexJobFiles");

            migrationBuilder.DropColumn(
                name: "TechnicalInspection",
                table: "InformexJobFiles");
        }
    }
}
