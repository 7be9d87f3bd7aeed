-- Ledger totals per project, kept by statement-level triggers on "LedgerMovements" and "Payments" in the
-- same statement as the rows they sum (see Features/Projects/ProjectTotals.cs). Signs follow Ledger.SignOf;
-- a test inserts every movement kind and compares with the domain arithmetic.

CREATE TABLE "ProjectTotals" (
    "ProjectId" bigint NOT NULL,
    "RegionCode" character varying(6) NOT NULL,
    "FiscalYear" integer NOT NULL,
    "Initial" bigint NOT NULL,
    "Adjusted" bigint NOT NULL,
    "Executed" bigint NOT NULL,
    "LatestDate" date NOT NULL,
    CONSTRAINT "PK_ProjectTotals" PRIMARY KEY ("ProjectId"),
    CONSTRAINT "FK_ProjectTotals_Projects_ProjectId" FOREIGN KEY ("ProjectId") REFERENCES "Projects" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ProjectTotals_RegionCode_FiscalYear_LatestDate" ON "ProjectTotals" ("RegionCode", "FiscalYear", "LatestDate");

INSERT INTO "ProjectTotals" ("ProjectId", "RegionCode", "FiscalYear", "Initial", "Adjusted", "Executed", "LatestDate")
SELECT p."Id", p."RegionCode", p."FiscalYear", COALESCE(m.initial, 0), COALESCE(m.adjusted, 0), COALESCE(x.executed, 0),
       GREATEST(m.latest, x.latest)
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
