-- Ledger totals per project, kept by row triggers on "LedgerMovements" and "Payments" in the same statement
-- as the rows they sum (see Features/Projects/ProjectTotals.cs). Signs follow Ledger.SignOf; a test inserts
-- every movement kind and compares with the domain arithmetic. Dates are ISO text, so max() orders them.

CREATE TABLE "ProjectTotals" (
    "ProjectId" INTEGER NOT NULL CONSTRAINT "PK_ProjectTotals" PRIMARY KEY,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "Initial" INTEGER NOT NULL,
    "Adjusted" INTEGER NOT NULL,
    "Executed" INTEGER NOT NULL,
    "LatestDate" TEXT NOT NULL,
    CONSTRAINT "FK_ProjectTotals_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ProjectTotals_RegionCode_FiscalYear_LatestDate" ON "ProjectTotals" ("RegionCode", "FiscalYear", "LatestDate");

INSERT INTO "ProjectTotals" ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
SELECT p."Id", p."RegionCode", p."FiscalYear", COALESCE(m.initial, 0), COALESCE(m.adjusted, 0), COALESCE(x.executed, 0),
       max(COALESCE(m.latest, x.latest), COALESCE(x.latest, m.latest))
FROM "Projects" AS p
LEFT JOIN (
    SELECT "ProjectId",
           sum(CASE WHEN "Kind" = 'InitialApproval' THEN "Amount" ELSE 0 END) AS initial,
           sum(CASE WHEN "Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -"Amount" ELSE "Amount" END) AS adjusted,
           max("Date") AS latest
    FROM "LedgerMovements" GROUP BY "ProjectId") AS m ON m."ProjectId" = p."Id"
LEFT JOIN (
    SELECT "ProjectId", sum("Amount") AS executed, max("Date") AS latest
    FROM "Payments" GROUP BY "ProjectId") AS x ON x."ProjectId" = p."Id"
WHERE m."ProjectId" IS NOT NULL OR x."ProjectId" IS NOT NULL;

CREATE TRIGGER "TR_LedgerMovements_Totals_Insert" AFTER INSERT ON "LedgerMovements"
BEGIN
    INSERT INTO "ProjectTotals" ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
    VALUES (NEW."ProjectId", NEW."RegionCode", NEW."FiscalYear",
            CASE WHEN NEW."Kind" = 'InitialApproval' THEN NEW."Amount" ELSE 0 END,
            CASE WHEN NEW."Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -NEW."Amount" ELSE NEW."Amount" END,
            0, NEW."Date")
    ON CONFLICT ("ProjectId") DO UPDATE
    SET "Initial" = "Initial" + excluded."Initial", "Adjusted" = "Adjusted" + excluded."Adjusted",
        "LatestDate" = max("LatestDate", excluded."LatestDate");
END;

CREATE TRIGGER "TR_LedgerMovements_Totals_Delete" AFTER DELETE ON "LedgerMovements"
BEGIN
    UPDATE "ProjectTotals"
    SET "Initial" = "Initial" - CASE WHEN OLD."Kind" = 'InitialApproval' THEN OLD."Amount" ELSE 0 END,
        "Adjusted" = "Adjusted" - CASE WHEN OLD."Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -OLD."Amount" ELSE OLD."Amount" END
    WHERE "ProjectId" = OLD."ProjectId";
END;

CREATE TRIGGER "TR_LedgerMovements_Totals_Update" AFTER UPDATE ON "LedgerMovements"
BEGIN
    UPDATE "ProjectTotals"
    SET "Initial" = "Initial" - CASE WHEN OLD."Kind" = 'InitialApproval' THEN OLD."Amount" ELSE 0 END,
        "Adjusted" = "Adjusted" - CASE WHEN OLD."Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -OLD."Amount" ELSE OLD."Amount" END
    WHERE "ProjectId" = OLD."ProjectId";
    INSERT INTO "ProjectTotals" ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
    VALUES (NEW."ProjectId", NEW."RegionCode", NEW."FiscalYear",
            CASE WHEN NEW."Kind" = 'InitialApproval' THEN NEW."Amount" ELSE 0 END,
            CASE WHEN NEW."Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -NEW."Amount" ELSE NEW."Amount" END,
            0, NEW."Date")
    ON CONFLICT ("ProjectId") DO UPDATE
    SET "Initial" = "Initial" + excluded."Initial", "Adjusted" = "Adjusted" + excluded."Adjusted",
        "LatestDate" = max("LatestDate", excluded."LatestDate");
END;

CREATE TRIGGER "TR_Payments_Totals_Insert" AFTER INSERT ON "Payments"
BEGIN
    INSERT INTO "ProjectTotals" ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
    VALUES (NEW."ProjectId", NEW."RegionCode", NEW."FiscalYear", 0, 0, NEW."Amount", NEW."Date")
    ON CONFLICT ("ProjectId") DO UPDATE
    SET "Executed" = "Executed" + excluded."Executed", "LatestDate" = max("LatestDate", excluded."LatestDate");
END;

CREATE TRIGGER "TR_Payments_Totals_Delete" AFTER DELETE ON "Payments"
BEGIN
    UPDATE "ProjectTotals" SET "Executed" = "Executed" - OLD."Amount" WHERE "ProjectId" = OLD."ProjectId";
END;

CREATE TRIGGER "TR_Payments_Totals_Update" AFTER UPDATE ON "Payments"
BEGIN
    UPDATE "ProjectTotals" SET "Executed" = "Executed" - OLD."Amount" WHERE "ProjectId" = OLD."ProjectId";
    INSERT INTO "ProjectTotals" ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
    VALUES (NEW."ProjectId", NEW."RegionCode", NEW."FiscalYear", 0, 0, NEW."Amount", NEW."Date")
    ON CONFLICT ("ProjectId") DO UPDATE
    SET "Executed" = "Executed" + excluded."Executed", "LatestDate" = max("LatestDate", excluded."LatestDate");
END;
