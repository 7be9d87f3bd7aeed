namespace Jixiao.Web.Data.Migrations.Postgres;

// Written by hand (the rest of Baseline is generated): the triggers EF cannot model, verbatim from the SQL steps
// 0003 (ledger totals per project, see Data/ProjectTotals.cs) and 0008 (the project list's change
// counter, ADR 0007). Tables, indexes and keys come from the model; on a new database there is nothing to backfill.
public partial class Baseline
{
    private const string LedgerTotalsTriggers = """"
        CREATE FUNCTION "jixiao_movement_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE "ProjectTotals" AS t
                SET "Initial" = t."Initial" - d.initial, "Adjusted" = t."Adjusted" - d.adjusted
                FROM (SELECT "ProjectId",
                             sum(CASE WHEN "Kind" = 'InitialApproval' THEN "Amount" ELSE 0 END) AS initial,
                             sum(CASE WHEN "Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -"Amount" ELSE "Amount" END) AS adjusted
                      FROM old_rows GROUP BY "ProjectId") AS d
                WHERE t."ProjectId" = d."ProjectId";
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "ProjectTotals" AS t ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
                SELECT "ProjectId", min("RegionCode"), min("FiscalYear"),
                       sum(CASE WHEN "Kind" = 'InitialApproval' THEN "Amount" ELSE 0 END),
                       sum(CASE WHEN "Kind" IN ('Reduction', 'ReallocationOut', 'PoolAllocationOut', 'Recovery') THEN -"Amount" ELSE "Amount" END),
                       0, max("Date")
                FROM new_rows GROUP BY "ProjectId" ORDER BY "ProjectId"
                ON CONFLICT ("ProjectId") DO UPDATE
                SET "Initial" = t."Initial" + excluded."Initial", "Adjusted" = t."Adjusted" + excluded."Adjusted",
                    "LatestDate" = GREATEST(t."LatestDate", excluded."LatestDate");
            END IF;
            RETURN NULL;
        END
        $$;

        CREATE FUNCTION "jixiao_payment_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                UPDATE "ProjectTotals" AS t
                SET "Executed" = t."Executed" - d.executed
                FROM (SELECT "ProjectId", sum("Amount") AS executed FROM old_rows GROUP BY "ProjectId") AS d
                WHERE t."ProjectId" = d."ProjectId";
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                INSERT INTO "ProjectTotals" AS t ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
                SELECT "ProjectId", min("RegionCode"), min("FiscalYear"), 0, 0, sum("Amount"), max("Date")
                FROM new_rows GROUP BY "ProjectId" ORDER BY "ProjectId"
                ON CONFLICT ("ProjectId") DO UPDATE
                SET "Executed" = t."Executed" + excluded."Executed",
                    "LatestDate" = GREATEST(t."LatestDate", excluded."LatestDate");
            END IF;
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER "TR_LedgerMovements_Totals_Insert" AFTER INSERT ON "LedgerMovements"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_movement_totals"();
        CREATE TRIGGER "TR_LedgerMovements_Totals_Update" AFTER UPDATE ON "LedgerMovements"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_movement_totals"();
        CREATE TRIGGER "TR_LedgerMovements_Totals_Delete" AFTER DELETE ON "LedgerMovements"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_movement_totals"();

        CREATE TRIGGER "TR_Payments_Totals_Insert" AFTER INSERT ON "Payments"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_payment_totals"();
        CREATE TRIGGER "TR_Payments_Totals_Update" AFTER UPDATE ON "Payments"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_payment_totals"();
        CREATE TRIGGER "TR_Payments_Totals_Delete" AFTER DELETE ON "Payments"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_payment_totals"();
        """";

    private const string ListVersionTriggers = """"
        CREATE FUNCTION "jixiao_list_version"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN
                INSERT INTO "ProjectListVersions" AS v ("RegionCode", "FiscalYear", "Version")
                SELECT DISTINCT "RegionCode", "FiscalYear", 1 FROM new_rows ORDER BY 1, 2
                ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = v."Version" + 1;
            ELSIF TG_OP = 'UPDATE' THEN
                INSERT INTO "ProjectListVersions" AS v ("RegionCode", "FiscalYear", "Version")
                SELECT "RegionCode", "FiscalYear", 1 FROM (SELECT "RegionCode", "FiscalYear" FROM new_rows
                                                           UNION SELECT "RegionCode", "FiscalYear" FROM old_rows) AS c ORDER BY 1, 2
                ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = v."Version" + 1;
            ELSE
                INSERT INTO "ProjectListVersions" AS v ("RegionCode", "FiscalYear", "Version")
                SELECT DISTINCT "RegionCode", "FiscalYear", 1 FROM old_rows ORDER BY 1, 2
                ON CONFLICT ("RegionCode", "FiscalYear") DO UPDATE SET "Version" = v."Version" + 1;
            END IF;
            RETURN NULL;
        END
        $$;

        CREATE TRIGGER "TR_Projects_ListVersion_Insert" AFTER INSERT ON "Projects"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_list_version"();
        CREATE TRIGGER "TR_Projects_ListVersion_Update" AFTER UPDATE ON "Projects"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_list_version"();
        CREATE TRIGGER "TR_Projects_ListVersion_Delete" AFTER DELETE ON "Projects"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_list_version"();

        CREATE TRIGGER "TR_ProjectTotals_ListVersion_Insert" AFTER INSERT ON "ProjectTotals"
            REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_list_version"();
        CREATE TRIGGER "TR_ProjectTotals_ListVersion_Update" AFTER UPDATE ON "ProjectTotals"
            REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_list_version"();
        CREATE TRIGGER "TR_ProjectTotals_ListVersion_Delete" AFTER DELETE ON "ProjectTotals"
            REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "jixiao_list_version"();
        """";

    private const string DropTriggerFunctions = """
        DROP FUNCTION "jixiao_movement_totals"() CASCADE;
        DROP FUNCTION "jixiao_payment_totals"() CASCADE;
        DROP FUNCTION "jixiao_list_version"() CASCADE;
        """;
}
