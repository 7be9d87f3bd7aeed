-- pgbench: the database work of one GET /api/projects?year=2026&sort=Adjusted&descending=true&page=K
-- for perf.990150 at commit 1e59f59 ("sums by grouped joins instead of a lookup per project"), as EF Core
-- sends it (captured with Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information;
-- bench/results/project-list-grouped-ef-sql.log). Parameters substituted as in project-list.sql (the
-- earlier, correlated-subquery version): ScopeIsSystem = false, ScopeRegions = {990150}, ScopeAllOrgs =
-- true, ScopeDataOrgs = ScopeVisibleOrgs = {}, asOf = 2026-11-22, year = 2026, page size 50.
--   pgbench -n -M simple -c 16 -j 2 -T 30 -f project-list-grouped.sql -l --log-prefix=… jixiao_bench
\set offset random(0, 79) * 50
SELECT count(*)::int
FROM "Projects" AS p
LEFT JOIN (
    SELECT l."ProjectId"
    FROM "LedgerMovements" AS l
    WHERE (false OR (l."RegionCode" = ANY (ARRAY['990150']) AND (true OR l."OrgUnitId" = ANY ('{}'::bigint[])))) AND l."Date" <= DATE '2026-11-22' AND l."FiscalYear" = 2026
    GROUP BY l."ProjectId"
) AS l0 ON p."Id" = l0."ProjectId"
LEFT JOIN (
    SELECT p0."ProjectId"
    FROM "Payments" AS p0
    WHERE (false OR (p0."RegionCode" = ANY (ARRAY['990150']) AND (true OR p0."OrgUnitId" = ANY ('{}'::bigint[])))) AND p0."Date" <= DATE '2026-11-22' AND p0."FiscalYear" = 2026
    GROUP BY p0."ProjectId"
) AS p1 ON p."Id" = p1."ProjectId"
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026;
SELECT COALESCE(sum(CASE
    WHEN l."Kind" IN ('InitialApproval', 'Addition', 'ReallocationIn', 'CarryOver', 'PoolAllocationIn') THEN l."Amount"
    ELSE -l."Amount"
END), 0)
FROM "LedgerMovements" AS l
WHERE (false OR (l."RegionCode" = ANY (ARRAY['990150']) AND (true OR l."OrgUnitId" = ANY ('{}'::bigint[])))) AND l."Date" <= DATE '2026-11-22' AND l."ProjectId" IN (
    SELECT p."Id"
    FROM "Projects" AS p
    LEFT JOIN (
        SELECT l0."ProjectId"
        FROM "LedgerMovements" AS l0
        WHERE (false OR (l0."RegionCode" = ANY (ARRAY['990150']) AND (true OR l0."OrgUnitId" = ANY ('{}'::bigint[])))) AND l0."Date" <= DATE '2026-11-22' AND l0."FiscalYear" = 2026
        GROUP BY l0."ProjectId"
    ) AS l1 ON p."Id" = l1."ProjectId"
    LEFT JOIN (
        SELECT p0."ProjectId"
        FROM "Payments" AS p0
        WHERE (false OR (p0."RegionCode" = ANY (ARRAY['990150']) AND (true OR p0."OrgUnitId" = ANY ('{}'::bigint[])))) AND p0."Date" <= DATE '2026-11-22' AND p0."FiscalYear" = 2026
        GROUP BY p0."ProjectId"
    ) AS p1 ON p."Id" = p1."ProjectId"
    WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026
);
SELECT COALESCE(sum(p."Amount"), 0)
FROM "Payments" AS p
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."Date" <= DATE '2026-11-22' AND p."ProjectId" IN (
    SELECT p0."Id"
    FROM "Projects" AS p0
    LEFT JOIN (
        SELECT l."ProjectId"
        FROM "LedgerMovements" AS l
        WHERE (false OR (l."RegionCode" = ANY (ARRAY['990150']) AND (true OR l."OrgUnitId" = ANY ('{}'::bigint[])))) AND l."Date" <= DATE '2026-11-22' AND l."FiscalYear" = 2026
        GROUP BY l."ProjectId"
    ) AS l0 ON p0."Id" = l0."ProjectId"
    LEFT JOIN (
        SELECT p1."ProjectId"
        FROM "Payments" AS p1
        WHERE (false OR (p1."RegionCode" = ANY (ARRAY['990150']) AND (true OR p1."OrgUnitId" = ANY ('{}'::bigint[])))) AND p1."Date" <= DATE '2026-11-22' AND p1."FiscalYear" = 2026
        GROUP BY p1."ProjectId"
    ) AS p2 ON p0."Id" = p2."ProjectId"
    WHERE (false OR (p0."RegionCode" = ANY (ARRAY['990150']) AND (true OR p0."OrgUnitId" = ANY ('{}'::bigint[])))) AND p0."FiscalYear" = 2026
);
SELECT p."Id", p."BudgetKind", p."Category", p."Code", p."DepartmentId", p."EndYear", p."EstablishedOn", p."FiscalYear", p."IsPool", p."Level", p."Name", p."OrgUnitId", p."ParentId", p."Recurrence", p."RegionCode", p."StartYear", p."Status", p."Tags", p."Transfer", COALESCE(l0."Initial", 0) AS "Initial", COALESCE(l0."Adjusted", 0) AS "Adjusted", COALESCE(p1."Executed", 0) AS "Executed", (
    SELECT o."Name"
    FROM "OrgUnits" AS o
    WHERE (false OR (o."RegionCode" = ANY (ARRAY['990150']) AND (true OR o."Id" = ANY ('{}'::bigint[])))) AND o."Id" = p."OrgUnitId"
    LIMIT 1) AS "Unit", (
    SELECT o0."Name"
    FROM "OrgUnits" AS o0
    WHERE (false OR (o0."RegionCode" = ANY (ARRAY['990150']) AND (true OR o0."Id" = ANY ('{}'::bigint[])))) AND o0."Id" = p."DepartmentId"
    LIMIT 1) AS "Department"
FROM "Projects" AS p
LEFT JOIN (
    SELECT l."ProjectId", COALESCE(sum(CASE
        WHEN l."Kind" = 'InitialApproval' THEN l."Amount"
        ELSE 0
    END), 0) AS "Initial", COALESCE(sum(CASE
        WHEN l."Kind" IN ('InitialApproval', 'Addition', 'ReallocationIn', 'CarryOver', 'PoolAllocationIn') THEN l."Amount"
        ELSE -l."Amount"
    END), 0) AS "Adjusted"
    FROM "LedgerMovements" AS l
    WHERE (false OR (l."RegionCode" = ANY (ARRAY['990150']) AND (true OR l."OrgUnitId" = ANY ('{}'::bigint[])))) AND l."Date" <= DATE '2026-11-22' AND l."FiscalYear" = 2026
    GROUP BY l."ProjectId"
) AS l0 ON p."Id" = l0."ProjectId"
LEFT JOIN (
    SELECT p0."ProjectId", COALESCE(sum(p0."Amount"), 0) AS "Executed"
    FROM "Payments" AS p0
    WHERE (false OR (p0."RegionCode" = ANY (ARRAY['990150']) AND (true OR p0."OrgUnitId" = ANY ('{}'::bigint[])))) AND p0."Date" <= DATE '2026-11-22' AND p0."FiscalYear" = 2026
    GROUP BY p0."ProjectId"
) AS p1 ON p."Id" = p1."ProjectId"
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026
ORDER BY COALESCE(l0."Adjusted", 0) DESC, p."Id"
LIMIT 50 OFFSET :offset;
