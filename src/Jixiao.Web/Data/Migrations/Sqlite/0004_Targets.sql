CREATE TABLE "IndicatorFrameSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorFrameSettings" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "FrameCode" TEXT NOT NULL,
    "CustomText" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "IndicatorLibrary" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorLibrary" PRIMARY KEY AUTOINCREMENT,
    "Kind" TEXT NOT NULL,
    "Sector" TEXT NOT NULL,
    "Level1" TEXT NOT NULL,
    "Level2" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Comparison" TEXT NULL,
    "ExampleValue" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Explanation" TEXT NOT NULL,
    "ScoringStandard" TEXT NOT NULL,
    "OriginRegion" TEXT NOT NULL,
    "OriginYear" INTEGER NOT NULL,
    "OriginProjectId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "ProposedBy" TEXT NOT NULL,
    "DecidedBy" TEXT NOT NULL,
    "DecisionNote" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_IndicatorLibrary_Projects_OriginProjectId" FOREIGN KEY ("OriginProjectId") REFERENCES "Projects" ("Id") ON DELETE SET NULL
);

CREATE TABLE "PerformanceTargets" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PerformanceTargets" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "ProjectId" INTEGER NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "SubjectKey" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "OverallGoal" TEXT NOT NULL,
    "AnnualGoal" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "ApprovedAtUtc" TEXT NULL,
    CONSTRAINT "FK_PerformanceTargets_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PerformanceTargets_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_PerformanceTargets_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TargetIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_TargetIndicators" PRIMARY KEY AUTOINCREMENT,
    "Row" INTEGER NOT NULL,
    "Level1" TEXT NOT NULL,
    "Level2" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Comparison" TEXT NOT NULL,
    "TargetValue" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Basis" TEXT NOT NULL,
    "Weight" TEXT NULL,
    "Explanation" TEXT NOT NULL,
    "ScoringStandard" TEXT NOT NULL,
    "LibraryEntryId" INTEGER NULL,
    "TargetId" INTEGER NOT NULL,
    CONSTRAINT "FK_TargetIndicators_PerformanceTargets_TargetId" FOREIGN KEY ("TargetId") REFERENCES "PerformanceTargets" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TargetReviewSteps" (
    "Seq" INTEGER NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Opinion" TEXT NOT NULL,
    "Grade" TEXT NULL,
    CONSTRAINT "PK_TargetReviewSteps" PRIMARY KEY ("TargetId", "Seq"),
    CONSTRAINT "FK_TargetReviewSteps_PerformanceTargets_TargetId" FOREIGN KEY ("TargetId") REFERENCES "PerformanceTargets" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_IndicatorFrameSettings_RegionCode_FiscalYear" ON "IndicatorFrameSettings" ("RegionCode", "FiscalYear");

CREATE INDEX "IX_IndicatorLibrary_OriginProjectId" ON "IndicatorLibrary" ("OriginProjectId");

CREATE INDEX "IX_IndicatorLibrary_Status_Sector_Level2" ON "IndicatorLibrary" ("Status", "Sector", "Level2");

CREATE INDEX "IX_PerformanceTargets_DepartmentId_State" ON "PerformanceTargets" ("DepartmentId", "State");

CREATE INDEX "IX_PerformanceTargets_OrgUnitId_FiscalYear" ON "PerformanceTargets" ("OrgUnitId", "FiscalYear");

CREATE INDEX "IX_PerformanceTargets_ProjectId" ON "PerformanceTargets" ("ProjectId");

CREATE INDEX "IX_PerformanceTargets_RegionCode_FiscalYear_State" ON "PerformanceTargets" ("RegionCode", "FiscalYear", "State");

CREATE UNIQUE INDEX "IX_PerformanceTargets_SubjectKey_Version" ON "PerformanceTargets" ("SubjectKey", "Version");

CREATE UNIQUE INDEX "IX_TargetIndicators_TargetId_Row" ON "TargetIndicators" ("TargetId", "Row");

CREATE INDEX "IX_TargetReviewSteps_UserId" ON "TargetReviewSteps" ("UserId");
