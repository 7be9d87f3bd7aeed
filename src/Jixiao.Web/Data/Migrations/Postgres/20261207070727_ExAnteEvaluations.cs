using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExAnteEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MajorPolicy",
                table: "Projects",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RequestedAmount",
                table: "Projects",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ExAnteEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: false),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    Variant = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: false),
                    AddedByHand = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAmount = table.Column<long>(type: "bigint", nullable: false),
                    Report = table.Column<string>(type: "character varying(24000)", maxLength: 24000, nullable: false),
                    Materials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OverallGoal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AnnualGoal = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Indicators = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Route = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    PanelId = table.Column<long>(type: "bigint", nullable: true),
                    EngagementId = table.Column<long>(type: "bigint", nullable: true),
                    Form = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Points = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    ScoreExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Conclusion = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Cap = table.Column<long>(type: "bigint", nullable: true),
                    ConcludedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConcludedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RevisedAmount = table.Column<long>(type: "bigint", nullable: true),
                    RevisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevisionOpinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExAnteEvaluations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExAnteEvaluations_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExAnteEvaluations_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExAnteEvaluations_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ExAnteEvaluations_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExAnteSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    MinNewAmount = table.Column<long>(type: "bigint", nullable: false),
                    SpecialFundYears = table.Column<int>(type: "integer", nullable: false),
                    ProjectForm = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PolicyForm = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SupportFrom = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    AdjustFrom = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    CapMode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ProjectMaterials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PolicyMaterials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExAnteSettings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExAnteEvaluations_EngagementId",
                table: "ExAnteEvaluations",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_ExAnteEvaluations_OrgUnitId",
                table: "ExAnteEvaluations",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ExAnteEvaluations_PanelId",
                table: "ExAnteEvaluations",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_ExAnteEvaluations_ProjectId",
                table: "ExAnteEvaluations",
                column: "ProjectId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExAnteEvaluations_RegionCode_FiscalYear_State",
                table: "ExAnteEvaluations",
                columns: new[] { "RegionCode", "FiscalYear", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ExAnteSettings_RegionCode_FiscalYear",
                table: "ExAnteSettings",
                columns: new[] { "RegionCode", "FiscalYear" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExAnteEvaluations");

            migrationBuilder.DropTable(
                name: "ExAnteSettings");

            migrationBuilder.DropColumn(
                name: "MajorPolicy",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "RequestedAmount",
                table: "Projects");
        }
    }
}
