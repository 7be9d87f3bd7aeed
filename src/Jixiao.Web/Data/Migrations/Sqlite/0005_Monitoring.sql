CREATE TABLE "MonitoringRounds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringRounds" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Month" INTEGER NOT NULL,
    "CutOff" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "OpenedAtUtc" TEXT NOT NULL,
    "ClosedAtUtc" TEXT NULL
);

CREATE TABLE "WarningRuleSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WarningRuleSettings" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "ExecutionMode" TEXT NOT NULL,
    "RatioRed" TEXT NOT NULL,
    "RatioYellow" TEXT NOT NULL,
    "GapYellow" TEXT NOT NULL,
    "GapRed" TEXT NOT NULL,
    "IndicatorRed" TEXT NOT NULL,
    "IndicatorYellow" TEXT NOT NULL,
    "IndicatorBlue" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "MonitoringTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringTasks" PRIMARY KEY AUTOINCREMENT,
    "RoundId" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "ProjectId" INTEGER NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NULL,
    "TargetId" INTEGER NULL,
    "IsKey" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Budget" INTEGER NOT NULL,
    "Executed" INTEGER NOT NULL,
    "ExpectedExecution" INTEGER NULL,
    "ExecutionCause" TEXT NULL,
    "ExecutionMeasures" TEXT NOT NULL,
    "ExecutionLight" TEXT NOT NULL,
    "ExecutionExplanation" TEXT NOT NULL,
    "Light" TEXT NOT NULL,
    "LightReason" TEXT NOT NULL,
    "FilledAtUtc" TEXT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_MonitoringTasks_MonitoringRounds_RoundId" FOREIGN KEY ("RoundId") REFERENCES "MonitoringRounds" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MonitoringTasks_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MonitoringTasks_PerformanceTargets_TargetId" FOREIGN KEY ("TargetId") REFERENCES "PerformanceTargets" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MonitoringTasks_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CorrectiveActions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CorrectiveActions" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "TaskId" INTEGER NULL,
    "Kind" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "DocumentNo" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "CounterpartProjectId" INTEGER NULL,
    "TargetVersion" INTEGER NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_CorrectiveActions_MonitoringTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "MonitoringTasks" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectiveActions_Projects_CounterpartProjectId" FOREIGN KEY ("CounterpartProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CorrectiveActions_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MonitoringReturnRows" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MonitoringReturnRows" PRIMARY KEY AUTOINCREMENT,
    "Row" INTEGER NOT NULL,
    "Level1" TEXT NOT NULL,
    "Level2" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Comparison" TEXT NOT NULL,
    "TargetValue" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Actual" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "Expected" TEXT NOT NULL,
    "Cause" TEXT NULL,
    "Likelihood" TEXT NULL,
    "Measures" TEXT NOT NULL,
    "Light" TEXT NULL,
    "Explanation" TEXT NOT NULL,
    "TaskId" INTEGER NOT NULL,
    CONSTRAINT "FK_MonitoringReturnRows_MonitoringTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "MonitoringTasks" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MonitoringReturnSteps" (
    "Seq" INTEGER NOT NULL,
    "TaskId" INTEGER NOT NULL,
    "Action" TEXT NOT NULL,
    "FromState" TEXT NOT NULL,
    "ToState" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Opinion" TEXT NOT NULL,
    CONSTRAINT "PK_MonitoringReturnSteps" PRIMARY KEY ("TaskId", "Seq"),
    CONSTRAINT "FK_MonitoringReturnSteps_MonitoringTasks_TaskId" FOREIGN KEY ("TaskId") REFERENCES "MonitoringTasks" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CorrectiveActions_CounterpartProjectId" ON "CorrectiveActions" ("CounterpartProjectId");

CREATE INDEX "IX_CorrectiveActions_ProjectId" ON "CorrectiveActions" ("ProjectId");

CREATE INDEX "IX_CorrectiveActions_RegionCode_FiscalYear_Kind" ON "CorrectiveActions" ("RegionCode", "FiscalYear", "Kind");

CREATE INDEX "IX_CorrectiveActions_TaskId" ON "CorrectiveActions" ("TaskId");

CREATE UNIQUE INDEX "IX_MonitoringReturnRows_TaskId_Row" ON "MonitoringReturnRows" ("TaskId", "Row");

CREATE INDEX "IX_MonitoringReturnSteps_UserId" ON "MonitoringReturnSteps" ("UserId");

CREATE INDEX "IX_MonitoringRounds_RegionCode_FiscalYear_Month" ON "MonitoringRounds" ("RegionCode", "FiscalYear", "Month");

CREATE INDEX "IX_MonitoringTasks_OrgUnitId_RoundId" ON "MonitoringTasks" ("OrgUnitId", "RoundId");

CREATE INDEX "IX_MonitoringTasks_ProjectId" ON "MonitoringTasks" ("ProjectId");

CREATE INDEX "IX_MonitoringTasks_RoundId_DepartmentId_State" ON "MonitoringTasks" ("RoundId", "DepartmentId", "State");

CREATE INDEX "IX_MonitoringTasks_RoundId_Light" ON "MonitoringTasks" ("RoundId", "Light");

CREATE UNIQUE INDEX "IX_MonitoringTasks_RoundId_ProjectId" ON "MonitoringTasks" ("RoundId", "ProjectId");

CREATE INDEX "IX_MonitoringTasks_TargetId" ON "MonitoringTasks" ("TargetId");

CREATE UNIQUE INDEX "IX_WarningRuleSettings_RegionCode_FiscalYear" ON "WarningRuleSettings" ("RegionCode", "FiscalYear");
