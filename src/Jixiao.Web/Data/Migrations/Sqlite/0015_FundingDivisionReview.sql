-- 谁分配资金，谁审核: monitoring returns and self-evaluations pass the funding division (业务股室) before the performance
-- division, as targets do; whether they do is a region-year setting (WorkflowSettings, default: yes). Until now a
-- form the department had passed ("DepartmentApproved", 待财政审核) waited for the performance division; that state
-- now means "at the funding division", and waiting for the performance division is "DivisionApproved". Forms (and the
-- stamped steps of their history) at the old state were with the performance division, so they stay there under the
-- new name: no form in flight gains a step it never had.
UPDATE "MonitoringTasks" SET "State" = 'DivisionApproved' WHERE "State" = 'DepartmentApproved';
UPDATE "SelfEvaluations" SET "State" = 'DivisionApproved' WHERE "State" = 'DepartmentApproved';
UPDATE "MonitoringReturnSteps" SET "ToState" = 'DivisionApproved' WHERE "ToState" = 'DepartmentApproved';
UPDATE "MonitoringReturnSteps" SET "FromState" = 'DivisionApproved' WHERE "FromState" = 'DepartmentApproved';
UPDATE "SelfEvaluationSteps" SET "ToState" = 'DivisionApproved' WHERE "ToState" = 'DepartmentApproved';
UPDATE "SelfEvaluationSteps" SET "FromState" = 'DivisionApproved' WHERE "FromState" = 'DepartmentApproved';

-- The region-year's way of working (the division step, the 文号 prefix) and its 文号 counter, moved on in the
-- transaction that uses the number (襄财绩〔2026〕12号).
CREATE TABLE "WorkflowSettings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WorkflowSettings" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "FormDivisionStep" INTEGER NOT NULL,
    "DocumentPrefix" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_WorkflowSettings_RegionCode_FiscalYear" ON "WorkflowSettings" ("RegionCode", "FiscalYear");

CREATE TABLE "DocumentCounters" (
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Last" INTEGER NOT NULL,
    CONSTRAINT "PK_DocumentCounters" PRIMARY KEY ("RegionCode", "FiscalYear")
);

-- Inboxes: the returns of a round at one step (the division's, the performance division's).
CREATE INDEX "IX_MonitoringTasks_RoundId_State" ON "MonitoringTasks" ("RoundId", "State");
