using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddBudgetLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BudgetLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    ProposalProjectId = table.Column<long>(type: "bigint", nullable: false),
                    BasisProjectId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    Grade = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Score = table.Column<decimal>(type: "numeric", nullable: false),
                    Basis = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    BasisYear = table.Column<int>(type: "integer", nullable: false),
                    BasisTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Distorted = table.Column<bool>(type: "boolean", nullable: false),
                    OpenRectifications = table.Column<int>(type: "integer", nullable: false),
                    Requested = table.Column<long>(type: "bigint", nullable: false),
                    CurrentBudget = table.Column<long>(type: "bigint", nullable: false),
                    Executed = table.Column<long>(type: "bigint", nullable: false),
                    SuggestedAction = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SuggestedBudget = table.Column<long>(type: "bigint", nullable: false),
                    SuggestedThisYear = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SuggestedThisYearAmount = table.Column<long>(type: "bigint", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SuggestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    DecidedAction = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    DecidedBudget = table.Column<long>(type: "bigint", nullable: true),
                    DecidedThisYear = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    DecidedThisYearAmount = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CorrectiveActionId = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false, defaultValue: 0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetLinks_Projects_BasisProjectId",
                        column: x => x.BasisProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BudgetLinks_Projects_ProposalProjectId",
                        column: x => x.ProposalProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BudgetLinkSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    FairReducePercent = table.Column<decimal>(type: "numeric", nullable: false),
                    PoorReducePercent = table.Column<decimal>(type: "numeric", nullable: false),
                    CancelPoor = table.Column<bool>(type: "boolean", nullable: false),
                    SuspendPoor = table.Column<bool>(type: "boolean", nullable: false),
                    RecoverBelowPercent = table.Column<decimal>(type: "numeric", nullable: false),
                    BlockIncrease = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetLinkSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLinks_BasisProjectId",
                table: "BudgetLinks",
                column: "BasisProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLinks_OrgUnitId_FiscalYear",
                table: "BudgetLinks",
                columns: new[] { "OrgUnitId", "FiscalYear" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLinks_ProposalProjectId",
                table: "BudgetLinks",
                column: "ProposalProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLinks_RegionCode_FiscalYear_State",
                table: "BudgetLinks",
                columns: new[] { "RegionCode", "FiscalYear", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetLinkSettings_RegionCode_FiscalYear",
                table: "BudgetLinkSettings",
                columns: new[] { "RegionCode", "FiscalYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetLinks");

            migrationBuilder.DropTable(
                name: "BudgetLinkSettings");
        }
    }
}
