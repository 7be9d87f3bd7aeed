-- A change counter per region-year, raised by row triggers on "Projects" and "ProjectTotals" (which the ledger
-- triggers of step 0003 keep) in the transaction of the change. The project list keeps its sorted results per
-- counter (Features/Projects/ProjectListCache.cs, ADR 0007).

CREATE TABLE "ProjectListVersions" (
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_ProjectListVersions" PRIMARY KEY ("RegionCode", "FiscalYear")
);

INSERT INTO "ProjectListVersions" ("RegionCode", "FiscalYear", "Version")
SELECT DISTINCT "RegionCode", "FiscalYear", 1 FROM "Projects" WHERE true;

CREATE TRIGGER "TR_Projects_ListVersion_Insert" AFTER INSERT ON "Projects"
BEGIN
    INSERT INTO "ProjectListVersions" VALUES (NEW."RegionCode", NEW."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
END;
CREATE TRIGGER "TR_Projects_ListVersion_Update" AFTER UPDATE ON "Projects"
BEGIN
    INSERT INTO "ProjectListVersions" VALUES (OLD."RegionCode", OLD."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
    INSERT INTO "ProjectListVersions" VALUES (NEW."RegionCode", NEW."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
END;
CREATE TRIGGER "TR_Projects_ListVersion_Delete" AFTER DELETE ON "Projects"
BEGIN
    INSERT INTO "ProjectListVersions" VALUES (OLD."RegionCode", OLD."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
END;

CREATE TRIGGER "TR_ProjectTotals_ListVersion_Insert" AFTER INSERT ON "ProjectTotals"
BEGIN
    INSERT INTO "ProjectListVersions" VALUES (NEW."RegionCode", NEW."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
END;
CREATE TRIGGER "TR_ProjectTotals_ListVersion_Update" AFTER UPDATE ON "ProjectTotals"
BEGIN
    INSERT INTO "ProjectListVersions" VALUES (NEW."RegionCode", NEW."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
END;
CREATE TRIGGER "TR_ProjectTotals_ListVersion_Delete" AFTER DELETE ON "ProjectTotals"
BEGIN
    INSERT INTO "ProjectListVersions" VALUES (OLD."RegionCode", OLD."FiscalYear", 1)
    ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = "Version" + 1;
END;
