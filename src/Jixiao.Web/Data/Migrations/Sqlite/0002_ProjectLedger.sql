CREATE TABLE "ImportBatches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportBatches" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Content" BLOB NOT NULL,
    "Status" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "CommittedAtUtc" TEXT NULL,
    "Summary" TEXT NOT NULL
);

CREATE TABLE "Projects" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Projects" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "DepartmentId" INTEGER NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Level" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "Category" TEXT NOT NULL,
    "Recurrence" TEXT NOT NULL,
    "StartYear" INTEGER NOT NULL,
    "EndYear" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "BudgetKind" TEXT NOT NULL,
    "Transfer" TEXT NOT NULL,
    "Tags" TEXT NOT NULL,
    "IsPool" INTEGER NOT NULL,
    "EstablishedOn" TEXT NOT NULL,
    CONSTRAINT "FK_Projects_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Projects_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Projects_Projects_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LedgerMovements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LedgerMovements" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "DocumentNo" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "CounterpartProjectId" INTEGER NULL,
    CONSTRAINT "FK_LedgerMovements_Projects_CounterpartProjectId" FOREIGN KEY ("CounterpartProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LedgerMovements_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "ProjectId" INTEGER NOT NULL,
    "OrgUnitId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "DocumentNo" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    CONSTRAINT "FK_Payments_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ImportBatches_RegionCode_FiscalYear_Id" ON "ImportBatches" ("RegionCode", "FiscalYear", "Id");

CREATE INDEX "IX_LedgerMovements_CounterpartProjectId" ON "LedgerMovements" ("CounterpartProjectId");

CREATE INDEX "IX_LedgerMovements_ProjectId_Date" ON "LedgerMovements" ("ProjectId", "Date");

CREATE UNIQUE INDEX "IX_LedgerMovements_RegionCode_FiscalYear_DocumentNo_ProjectId_Kind" ON "LedgerMovements" ("RegionCode", "FiscalYear", "DocumentNo", "ProjectId", "Kind");

CREATE INDEX "IX_Payments_ProjectId_Date" ON "Payments" ("ProjectId", "Date");

CREATE UNIQUE INDEX "IX_Payments_RegionCode_FiscalYear_DocumentNo" ON "Payments" ("RegionCode", "FiscalYear", "DocumentNo");

CREATE INDEX "IX_Projects_DepartmentId" ON "Projects" ("DepartmentId");

CREATE INDEX "IX_Projects_OrgUnitId" ON "Projects" ("OrgUnitId");

CREATE INDEX "IX_Projects_ParentId" ON "Projects" ("ParentId");

CREATE UNIQUE INDEX "IX_Projects_RegionCode_FiscalYear_Code" ON "Projects" ("RegionCode", "FiscalYear", "Code");

CREATE INDEX "IX_Projects_RegionCode_FiscalYear_DepartmentId" ON "Projects" ("RegionCode", "FiscalYear", "DepartmentId");

CREATE INDEX "IX_Projects_RegionCode_FiscalYear_OrgUnitId" ON "Projects" ("RegionCode", "FiscalYear", "OrgUnitId");
