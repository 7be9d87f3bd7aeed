CREATE TABLE "EvaluationWeightSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EvaluationWeightSettings" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Execution" TEXT NOT NULL,
    "Output" TEXT NOT NULL,
    "Benefit" TEXT NOT NULL,
    "Satisfaction" TEXT NOT NULL,
    "Cost" TEXT NOT NULL,
    "Total" TEXT NOT NULL,
    "OverAchievementPercent" TEXT NOT NULL,
    "ReferenceGap" TEXT NOT NULL,
    "DistortionGap" TEXT NOT NULL,
    "QualityWeight" TEXT NOT NULL,
    "IndicatorWeight" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "SpotCheckDraws" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpotCheckDraws" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Seed" INTEGER NOT NULL,
    "Algorithm" TEXT NOT NULL,
    "MinAmount" INTEGER NULL,
    "MaxAmount" INTEGER NULL,
    "Ratio" TEXT NULL,
    "Count" INTEGER NULL,
    "MustInclude" TEXT NOT NULL,
    "EligibleCount" INTEGER NOT NULL,
    "Size" INTEGER NOT NULL,
    "Explanation" TEXT NOT NULL,
    "DrawnBy" TEXT NOT NULL,
    "DrawnAtUtc" TEXT NOT NULL
);

CREATE TABLE "SelfEvaluations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SelfEvaluations" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "ProjectId" INTEGER NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "TargetId" INTEGER NOT NULL,
    "TargetVersion" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "AnnualGoal" TEXT NOT NULL,
    "GoalCompletion" TEXT NOT NULL,
    "InitialBudget" INTEGER NOT NULL,
    "LedgerAdjustedBudget" INTEGER NOT NULL,
    "LedgerExecuted" INTEGER NOT NULL,
    "AdjustedBudget" INTEGER NOT NULL,
    "Executed" INTEGER NOT NULL,
    "ExecutionWeight" TEXT NULL,
    "ExecutionScore" TEXT NULL,
    "ReferenceExecutionWeight" TEXT NOT NULL,
    "ReferenceExecutionScore" TEXT NOT NULL,
    "ExecutionExplanation" TEXT NOT NULL,
    "Total" TEXT NULL,
    "ReferenceTotal" TEXT NOT NULL,
    "ReferenceGrade" TEXT NOT NULL,
    "MaxScore" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "FilledAtUtc" TEXT NULL,
    CONSTRAINT "FK_SelfEvaluations_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfEvaluations_PerformanceTargets_TargetId" FOREIGN KEY ("TargetId") REFERENCES "PerformanceTargets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SelfEvaluations_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "SelfEvaluationFindings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SelfEvaluationFindings" PRIMARY KEY AUTOINCREMENT,
    "Row" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Blocking" INTEGER NOT NULL,
    "Message" TEXT NOT NULL,
    "EvaluationId" INTEGER NOT NULL,
    CONSTRAINT "FK_SelfEvaluationFindings_SelfEvaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "SelfEvaluations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SelfEvaluationRows" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SelfEvaluationRows" PRIMARY KEY AUTOINCREMENT,
    "Row" INTEGER NOT NULL,
    "Level1" TEXT NOT NULL,
    "Level2" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Comparison" TEXT NOT NULL,
    "TargetValue" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "TargetWeight" TEXT NULL,
    "ReferenceWeight" TEXT NOT NULL,
    "WeightBasis" TEXT NOT NULL,
    "Actual" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Weight" TEXT NULL,
    "Score" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "ReferenceScore" TEXT NOT NULL,
    "Attainment" TEXT NOT NULL,
    "Completion" TEXT NULL,
    "Explanation" TEXT NOT NULL,
    "ActualProblem" TEXT NOT NULL,
    "EvaluationId" INTEGER NOT NULL,
    CONSTRAINT "FK_SelfEvaluationRows_SelfEvaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "SelfEvaluations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SelfEvaluationSteps" (
    "Seq" INTEGER NOT NULL,
    "EvaluationId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Opinion" TEXT NOT NULL,
    CONSTRAINT "PK_SelfEvaluationSteps" PRIMARY KEY ("EvaluationId", "Seq"),
    CONSTRAINT "FK_SelfEvaluationSteps_SelfEvaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "SelfEvaluations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SpotCheckItems" (
    "EvaluationId" INTEGER NOT NULL,
    "DrawId" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "MustInclude" INTEGER NOT NULL,
    "QualityScore" TEXT NULL,
    "IndicatorScore" TEXT NULL,
    "ReviewScore" TEXT NULL,
    "Gap" TEXT NULL,
    "Distorted" INTEGER NOT NULL,
    "ReviewExplanation" TEXT NOT NULL,
    "ReviewedBy" TEXT NOT NULL,
    "ReviewedAtUtc" TEXT NULL,
    CONSTRAINT "PK_SpotCheckItems" PRIMARY KEY ("DrawId", "EvaluationId"),
    CONSTRAINT "FK_SpotCheckItems_SelfEvaluations_EvaluationId" FOREIGN KEY ("EvaluationId") REFERENCES "SelfEvaluations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SpotCheckItems_SpotCheckDraws_DrawId" FOREIGN KEY ("DrawId") REFERENCES "SpotCheckDraws" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_EvaluationWeightSettings_RegionCode_FiscalYear" ON "EvaluationWeightSettings" ("RegionCode", "FiscalYear");

CREATE INDEX "IX_SelfEvaluationFindings_EvaluationId" ON "SelfEvaluationFindings" ("EvaluationId");

CREATE UNIQUE INDEX "IX_SelfEvaluationRows_EvaluationId_Row" ON "SelfEvaluationRows" ("EvaluationId", "Row");

CREATE INDEX "IX_SelfEvaluations_DepartmentId_State" ON "SelfEvaluations" ("DepartmentId", "State");

CREATE INDEX "IX_SelfEvaluations_OrgUnitId_FiscalYear" ON "SelfEvaluations" ("OrgUnitId", "FiscalYear");

CREATE UNIQUE INDEX "IX_SelfEvaluations_ProjectId" ON "SelfEvaluations" ("ProjectId");

CREATE INDEX "IX_SelfEvaluations_RegionCode_FiscalYear_State" ON "SelfEvaluations" ("RegionCode", "FiscalYear", "State");

CREATE UNIQUE INDEX "IX_SelfEvaluations_TargetId" ON "SelfEvaluations" ("TargetId");

CREATE INDEX "IX_SelfEvaluationSteps_UserId" ON "SelfEvaluationSteps" ("UserId");

CREATE INDEX "IX_SpotCheckDraws_RegionCode_FiscalYear" ON "SpotCheckDraws" ("RegionCode", "FiscalYear");

CREATE INDEX "IX_SpotCheckItems_EvaluationId" ON "SpotCheckItems" ("EvaluationId");
