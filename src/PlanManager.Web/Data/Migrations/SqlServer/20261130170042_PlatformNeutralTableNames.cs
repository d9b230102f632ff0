using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlanManager.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PlatformNeutralTableNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Claims360EstimateLine_Claims360Estimates_EstimateVersionId",
                table: "Claims360EstimateLine");

            migrationBuilder.DropForeignKey(
                name: "FK_Claims360Estimates_Jobs_JobId",
                table: "Claims360Estimates");

            migrationBuilder.DropForeignKey(
                name: "FK_Claims360PhotoTransfers_Jobs_JobId",
                table: "Claims360PhotoTransfers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Claims360PhotoTransfers",
                table: "Claims360PhotoTransfers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Claims360Estimates",
                table: "Claims360Estimates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Claims360EstimateLine",
                table: "Claims360EstimateLine");

            migrationBuilder.RenameTable(
                name: "Claims360PhotoTransfers",
                newName: "PhotoTransfers");

            migrationBuilder.RenameTable(
                name: "Claims360Estimates",
                newName: "EstimateVersions");

            migrationBuilder.RenameTable(
                name: "Claims360EstimateLine",
                newName: "EstimateLines");

            migrationBuilder.RenameIndex(
                name: "IX_Claims360PhotoTransfers_JobId_Platform_Outgoing_Key",
                table: "PhotoTransfers",
                newName: "IX_PhotoTransfers_JobId_Platform_Outgoing_Key");

            migrationBuilder.RenameIndex(
                name: "IX_Claims360Estimates_JobId_Platform_Version",
                table: "EstimateVersions",
                newName: "IX_EstimateVersions_JobId_Platform_Version");

            migrationBuilder.RenameIndex(
                name: "IX_Claims360EstimateLine_EstimateVersionId",
                table: "EstimateLines",
                newName: "IX_EstimateLines_EstimateVersionId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_PhotoTransfers",
                table: "PhotoTransfers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EstimateVersions",
                table: "EstimateVersions",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_EstimateLines",
                table: "EstimateLines",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_EstimateLines_EstimateVersions_EstimateVersionId",
                table: "EstimateLines",
                column: "EstimateVersionId",
                principalTable: "EstimateVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EstimateVersions_Jobs_JobId",
                table: "EstimateVersions",
                column: "JobId",
                principalTable: "Jobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_PhotoTransfers_Jobs_JobId",
                table: "PhotoTransfers",
                column: "JobId",
                principalTable: "Jobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EstimateLines_EstimateVersions_EstimateVersionId",
                table: "EstimateLines");

            migrationBuilder.DropForeignKey(
                name: "FK_EstimateVersions_Jobs_JobId",
                table: "EstimateVersions");

            migrationBuilder.DropForeignKey(
                name: "FK_PhotoTransfers_Jobs_JobId",
                table: "PhotoTransfers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_PhotoTransfers",
                table: "PhotoTransfers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EstimateVersions",
                table: "EstimateVersions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_EstimateLines",
                table: "EstimateLines");

            migrationBuilder.RenameTable(
                name: "PhotoTransfers",
                newName: "Claims360PhotoTransfers");

            migrationBuilder.RenameTable(
                name: "EstimateVersions",
                newName: "Claims360Estimates");

            migrationBuilder.RenameTable(
                name: "EstimateLines",
                newName: "Claims360EstimateLine");

            migrationBuilder.RenameIndex(
                name: "IX_PhotoTransfers_JobId_Platform_Outgoing_Key",
                table: "Claims360PhotoTransfers",
                newName: "IX_Claims360PhotoTransfers_JobId_Platform_Outgoing_Key");

            migrationBuilder.RenameIndex(
                name: "IX_EstimateVersions_JobId_Platform_Version",
                table: "Claims360Estimates",
                newName: "IX_Claims360Estimates_JobId_Platform_Version");

            migrationBuilder.RenameIndex(
                name: "IX_EstimateLines_EstimateVersionId",
                table: "Claims360EstimateLine",
                newName: "IX_Claims360EstimateLine_EstimateVersionId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Claims360PhotoTransfers",
                table: "Claims360PhotoTransfers",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Claims360Estimates",
                table: "Claims360Estimates",
                column: "Id");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Claims360EstimateLine",
                table: "Claims360EstimateLine",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Claims360EstimateLine_Claims360Estimates_EstimateVersionId",
                table: "Claims360EstimateLine",
                column: "EstimateVersionId",
                principalTable: "Claims360Estimates",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Claims360Estimates_Jobs_JobId",
                table: "Claims360Estimates",
                column: "JobId",
                principalTable: "Jobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Claims360PhotoTransfers_Jobs_JobId",
                table: "Claims360PhotoTransfers",
                column: "JobId",
                principalTable: "Jobs",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
