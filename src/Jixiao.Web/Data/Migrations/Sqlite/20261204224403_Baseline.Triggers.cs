namespace Jixiao.Web.Data.Migrations.Sqlite;

// Written by hand (the rest of Baseline is generated): the triggers EF cannot model, verbatim from the SQL steps
// 0003 (ledger totals per project, see Data/ProjectTotals.cs) and 0008 (the project list's change
// counter, ADR 0007). Tables, indexes and keys come from the model; on a new database there is nothing to backfill.
public partial class Baseline
{
    private const string LedgerTotalsTriggers = """"
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
        """";

    private const string ListVersionTriggers = """"
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
        """";
}
