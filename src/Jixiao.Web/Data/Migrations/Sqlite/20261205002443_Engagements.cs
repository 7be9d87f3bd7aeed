using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Engagements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Engagements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ContractNo = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Fee = table.Column<long>(type: "INTEGER", nullable: false),
                    Procurement = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<long>(type: "INTEGER", nullable: true),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DrawSeed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableStages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EngagementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    FinanceConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableStages_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngagementDrawEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EngagementId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<long>(type: "INTEGER", nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Exclusions = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementDrawEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementDrawEntries_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngagementSubjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EngagementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    ProjectId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrgUnitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementSubjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementSubjects_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementSubjects_OrgUnits_OrgUnitId",
                        column: x => x.OrgUnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EngagementSubjects_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Panels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EngagementId = table.Column<long>(type: "INTEGER", nullable: true),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Quotas = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DropExtremes = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Result = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    ResultExplanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Panels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Panels_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeliverableStageEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Party = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliverableStageEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliverableStageEvents_DeliverableStages_StageId",
                        column: x => x.StageId,
                        principalTable: "DeliverableStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpertId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpertName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplacedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Scores = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Total = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMembers_Panels_PanelId",
                        column: x => x.PanelId,
                        principalTable: "Panels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableStageEvents_StageId_Seq",
                table: "DeliverableStageEvents",
                columns: new[] { "StageId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableStages_EngagementId_Number",
                table: "DeliverableStages",
                columns: new[] { "EngagementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DeliverableStages_State_DueOn",
                table: "DeliverableStages",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementDrawEntries_EngagementId_AgencyId",
                table: "EngagementDrawEntries",
                columns: new[] { "EngagementId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_AgencyId_State",
                table: "Engagements",
                columns: new[] { "AgencyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Engagements_RegionCode_FiscalYear_Code",
                table: "Engagements",
                columns: new[] { "RegionCode", "FiscalYear", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSubjects_EngagementId",
                table: "EngagementSubjects",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSubjects_OrgUnitId",
                table: "EngagementSubjects",
                column: "OrgUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementSubjects_ProjectId",
                table: "EngagementSubjects",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_ExpertId",
                table: "PanelMembers",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_PanelId",
                table: "PanelMembers",
                column: "PanelId");

            migrationBuilder.CreateIndex(
                name: "IX_Panels_EngagementId",
                table: "Panels",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Panels_RegionCode_FiscalYear_Purpose",
                table: "Panels",
                columns: new[] { "RegionCode", "FiscalYear", "Purpose" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeliverableStageEvents");

            migrationBuilder.DropTable(
                name: "EngagementDrawEntries");

            migrationBuilder.DropTable(
                name: "EngagementSubjects");

            migrationBuilder.DropTable(
                name: "PanelMembers");

            migrationBuilder.DropTable(
                name: "DeliverableStages");

            migrationBuilder.DropTable(
                name: "Panels");

            migrationBuilder.DropTable(
                name: "Engagements");
        }
    }
}
