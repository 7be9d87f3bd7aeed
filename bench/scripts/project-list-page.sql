-- pgbench: the page query alone (sort=Adjusted&descending=true, 50 rows at a random offset); the
-- parameter substitution is described in project-list.sql.
\set offset random(0, 79) * 50
SELECT p."Id", p."BudgetKind", p."Category", p."Code", p."DepartmentId", p."EndYear", p."EstablishedOn", p."FiscalYear", p."IsPool", p."Level", p."Name", p."OrgUnitId", p."ParentId", p."Recurrence", p."RegionCode", p."StartYear", p."Status", p."Tags", p."Transfer", (
    SELECT COALESCE(sum(l0."Amount"), 0)
    FROM "LedgerMovements" AS l0
    WHERE (false OR (l0."RegionCode" = ANY (ARRAY['990150']) AND (true OR l0."OrgUnitId" = ANY ('{}'::bigint[])))) AND l0."ProjectId" = p."Id" AND l0."Kind" = 'InitialApproval' AND l0."Date" <= DATE '2026-11-22') AS "Initial", (
    SELECT COALESCE(sum(CASE
        WHEN l1."Kind" IN ('InitialApproval', 'Addition', 'ReallocationIn', 'CarryOver', 'PoolAllocationIn') THEN l1."Amount"
        ELSE -l1."Amount"
    END), 0)
    FROM "LedgerMovements" AS l1
    WHERE (false OR (l1."RegionCode" = ANY (ARRAY['990150']) AND (true OR l1."OrgUnitId" = ANY ('{}'::bigint[])))) AND l1."ProjectId" = p."Id" AND l1."Date" <= DATE '2026-11-22') AS "Adjusted", (
    SELECT COALESCE(sum(p0."Amount"), 0)
    FROM "Payments" AS p0
    WHERE (false OR (p0."RegionCode" = ANY (ARRAY['990150']) AND (true OR p0."OrgUnitId" = ANY ('{}'::bigint[])))) AND p0."ProjectId" = p."Id" AND p0."Date" <= DATE '2026-11-22') AS "Executed", (
    SELECT o."Name"
    FROM "OrgUnits" AS o
    WHERE (false OR (o."RegionCode" = ANY (ARRAY['990150']) AND (true OR o."Id" = ANY ('{}'::bigint[])))) AND o."Id" = p."OrgUnitId"
    LIMIT 1) AS "Unit", (
    SELECT o0."Name"
    FROM "OrgUnits" AS o0
    WHERE (false OR (o0."RegionCode" = ANY (ARRAY['990150']) AND (true OR o0."Id" = ANY ('{}'::bigint[])))) AND o0."Id" = p."DepartmentId"
    LIMIT 1) AS "Department"
FROM "Projects" AS p
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026
ORDER BY (
    SELECT COALESCE(sum(CASE
        WHEN l."Kind" IN ('InitialApproval', 'Addition', 'ReallocationIn', 'CarryOver', 'PoolAllocationIn') THEN l."Amount"
        ELSE -l."Amount"
    END), 0)
    FROM "LedgerMovements" AS l
    WHERE (false OR (l."RegionCode" = ANY (ARRAY['990150']) AND (true OR l."OrgUnitId" = ANY ('{}'::bigint[])))) AND l."ProjectId" = p."Id" AND l."Date" <= DATE '2026-11-22') DESC, p."Id"
LIMIT 50 OFFSET :offset;
