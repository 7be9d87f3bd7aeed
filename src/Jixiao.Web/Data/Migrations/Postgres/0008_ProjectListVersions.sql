-- A change counter per region-year, raised by statement-level triggers on "Projects" and "ProjectTotals" (which
-- the ledger triggers of step 0003 keep) in the transaction of the change. The project list keeps its sorted
-- results per counter (Features/Projects/ProjectListCache.cs, ADR 0007). Region-years are taken in order so
-- concurrent writers lock their counters in the same order.

CREATE TABLE "ProjectListVersions" (
    "RegionCode" character varying(6) NOT NULL,
    "FiscalYear" integer NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_ProjectListVersions" PRIMARY KEY ("RegionCode", "FiscalYear")
);

INSERT INTO "ProjectListVersions" ("RegionCode", "FiscalYear", "Version")
SELECT DISTINCT "RegionCode", "FiscalYear", 1 FROM "Projects";

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
