using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddEvaluationPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SubjectKind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Evaluator = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Source = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    SourceNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    DepartmentId = table.Column<long>(type: "bigint", nullable: true),
                    EngagementId = table.Column<long>(type: "bigint", nullable: true),
                    PanelId = table.Column<long>(type: "bigint", nullable: true),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Report = table.Column<string>(type: "character varying(60000)", maxLength: 60000, nullable: false),
                    Total = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    Grade = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    ScoreExplanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ScoredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConcludedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConcludedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPlans_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationPlans_OrgUnits_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationPlans_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPlanSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    CoverageShare = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    ProjectFramework = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    DepartmentFramework = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    PolicyFramework = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPlanSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPlanFindings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Problem = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Cause = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Suggestion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    ProjectId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPlanFindings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPlanFindings_EvaluationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EvaluationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationPlanFindings_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPlanItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    Level1 = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level2 = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    Standard = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Basis = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPlanItems_EvaluationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EvaluationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationPlanSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: true),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationPlanSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationPlanSubjects_EvaluationPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EvaluationPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationPlanSubjects_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationPlanSubjects_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanFindings_PlanId_Seq",
                table: "EvaluationPlanFindings",
                columns: new[] { "PlanId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanFindings_ProjectId",
                table: "EvaluationPlanFindings",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanItems_PlanId_Seq",
                table: "EvaluationPlanItems",
                columns: new[] { "PlanId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlans_DepartmentId",
                table: "EvaluationPlans",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlans_EngagementId",
                table: "EvaluationPlans",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlans_PanelId",
                table: "EvaluationPlans",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlans_RegionCode_FiscalYear_Code",
                table: "EvaluationPlans",
                columns: new[] { "RegionCode", "FiscalYear", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlans_RegionCode_FiscalYear_Kind_State",
                table: "EvaluationPlans",
                columns: new[] { "RegionCode", "FiscalYear", "Kind", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanSettings_RegionCode_FiscalYear",
                table: "EvaluationPlanSettings",
                columns: new[] { "RegionCode", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanSubjects_OrgUnitId",
                table: "EvaluationPlanSubjects",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanSubjects_PlanId",
                table: "EvaluationPlanSubjects",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationPlanSubjects_ProjectId",
                table: "EvaluationPlanSubjects",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationPlanFindings");

            migrationBuilder.DropTable(
                name: "EvaluationPlanItems");

            migrationBuilder.DropTable(
                name: "EvaluationPlanSettings");

            migrationBuilder.DropTable(
                name: "EvaluationPlanSubjects");

            migrationBuilder.DropTable(
                name: "EvaluationPlans");
        }
    }
}
