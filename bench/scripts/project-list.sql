-- pgbench: the database work of one GET /api/projects?year=2026&sort=Adjusted&descending=true&page=K
-- for perf.990150 (county performance division, ~4,000 projects), as EF Core sends it (captured with
-- Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information; see
-- bench/results/project-list-ef-sql.log). The scope-filter parameters are substituted with that user's
-- values: ScopeIsSystem = false, ScopeRegions = {990150}, ScopeAllOrgs = true, ScopeDataOrgs =
-- ScopeVisibleOrgs = {}; asOf = 2026-11-22 (today), year = 2026, page size 50. Npgsql sends unprepared
-- statements, which PostgreSQL plans with the actual values, so literals plan the same way.
-- Not included: the five small per-request authentication queries (token, claims, roles, user, regions).
--   pgbench -n -M simple -c 16 -j 2 -T 30 -f project-list.sql -l --log-prefix=… jixiao_bench
\set offset random(0, 79) * 50
SELECT count(*)::int
FROM "Projects" AS p
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026;
SELECT COALESCE(sum((
    SELECT COALESCE(sum(CASE
        WHEN l."Kind" IN ('InitialApproval', 'Addition', 'ReallocationIn', 'CarryOver', 'PoolAllocationIn') THEN l."Amount"
        ELSE -l."Amount"
    END), 0)
    FROM "LedgerMovements" AS l
    WHERE (false OR (l."RegionCode" = ANY (ARRAY['990150']) AND (true OR l."OrgUnitId" = ANY ('{}'::bigint[])))) AND l."ProjectId" = p."Id" AND l."Date" <= DATE '2026-11-22')), 0)
FROM "Projects" AS p
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026;
SELECT COALESCE(sum((
    SELECT COALESCE(sum(p0."Amount"), 0)
    FROM "Payments" AS p0
    WHERE (false OR (p0."RegionCode" = ANY (ARRAY['990150']) AND (true OR p0."OrgUnitId" = ANY ('{}'::bigint[])))) AND p0."ProjectId" = p."Id" AND p0."Date" <= DATE '2026-11-22')), 0)
FROM "Projects" AS p
WHERE (false OR (p."RegionCode" = ANY (ARRAY['990150']) AND (true OR p."OrgUnitId" = ANY ('{}'::bigint[])))) AND p."FiscalYear" = 2026;
-- the page query of project-list.sql (sort=Adjusted&descending=true, LIMIT 50 OFFSET :offset)
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
