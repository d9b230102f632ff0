using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CustomerNameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ThirdPartyNameWords",
                columns: table => new
                {
                    ThirdPartyId = table.Column<int>(type: "integer", nullable: false),
                    Word = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThirdPartyNameWords", x => new { x.ThirdPartyId, x.Word });
                    table.ForeignKey(
                        name: "FK_ThirdPartyNameWords_ThirdParties_ThirdPartyId",
                        column: x => x.ThirdPartyId,
                        principalTable: "ThirdParties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ThirdPartyNameWords_Word_ThirdPartyId",
                table: "ThirdPartyNameWords",
                columns: new[] { "Word", "ThirdPartyId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ThirdPartyNameWords");
        }
    }
}
