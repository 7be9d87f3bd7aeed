using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "RequestedAmount",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "ExAnteEvaluations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    OrgUnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    Variant = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 1200, nullable: false),
                    AddedByHand = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 24000, nullable: false),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OverallGoal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnnualGoal = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Indicators = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    PanelId = table.Column<long>(type: "INTEGER", nullable: true),
                    EngagementId = table.Column<long>(type: "INTEGER", nullable: true),
                    Form = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Points = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    ScoreExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Cap = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcludedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ConcludedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RevisedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    RevisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevisionOpinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    MinNewAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecialFundYears = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectForm = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PolicyForm = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SupportFrom = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    AdjustFrom = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    CapMode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ProjectMaterials = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PolicyMaterials = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
