using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndexRectificationsAndVersionHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rectifications_OrgUnitId",
                table: "Rectifications");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "PaymentHolds",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_DepartmentId_State",
                table: "Rectifications",
                columns: new[] { "DepartmentId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_OrgUnitId_State",
                table: "Rectifications",
                columns: new[] { "OrgUnitId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rectifications_DepartmentId_State",
                table: "Rectifications");

            migrationBuilder.DropIndex(
                name: "IX_Rectifications_OrgUnitId_State",
                table: "Rectifications");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "PaymentHolds");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_OrgUnitId",
                table: "Rectifications",
                column: "OrgUnitId");
        }
    }
}
