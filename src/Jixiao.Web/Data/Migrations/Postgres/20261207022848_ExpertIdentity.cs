using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExpertIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Experts_RegionCode_Name_Phone",
                table: "Experts",
                columns: new[] { "RegionCode", "Name", "Phone" },
                unique: true,
                filter: "\"Status\" <> 'Withdrawn'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Experts_RegionCode_Name_Phone",
                table: "Experts");
        }
    }
}
