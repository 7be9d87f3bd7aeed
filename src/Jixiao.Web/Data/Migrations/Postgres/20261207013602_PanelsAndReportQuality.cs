using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelsAndReportQuality : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "Panels",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Panels",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "Persons",
                table: "Panels",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "ReportScore",
                table: "Engagements",
                type: "numeric(9,2)",
                precision: 9,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportScoreExplanation",
                table: "Engagements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ReportScoredAtUtc",
                table: "Engagements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportScoredBy",
                table: "Engagements",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ReportScores",
                table: "Engagements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "EngagementSettings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "integer", nullable: false),
                    Stages = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ReportForm = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    QualityWeight = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    TimelinessWeight = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    MaxOpenEngagements = table.Column<int>(type: "integer", nullable: false),
                    MinRating = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PanelId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ProjectId = table.Column<long>(type: "bigint", nullable: true),
                    OrgUnitId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelSubjects_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelSubjects_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelSubjects_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSettings_RegionCode_FiscalYear",
                table: "EngagementSettings",
                columns: new[] { "RegionCode", "FiscalYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelSubjects_OrgUnitId",
                table: "PanelSubjects",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSubjects_PanelId",
                table: "PanelSubjects",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSubjects_ProjectId",
                table: "PanelSubjects",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementSettings");

            migrationBuilder.DropTable(
                name: "PanelSubjects");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "Panels");

            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Panels");

            migrationBuilder.DropColumn(
                name: "Persons",
                table: "Panels");

            migrationBuilder.DropColumn(
                name: "ReportScore",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "ReportScoreExplanation",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "ReportScoredAtUtc",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "ReportScoredBy",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "ReportScores",
                table: "Engagements");
        }
    }
}
