-- pgbench: the database work of one GET /api/projects?year=2026&sort=Adjusted&descending=true&page=K for
-- perf.990150 when the sorted list is kept (ADR 0007), as EF Core sends it (results/project-list-cached-ef-sql.log),
-- with the scope-filter parameters substituted (see project-list.sql). Two statements: the region-year's change
-- counter, the page's rows with names and figures. Not included: the two per-request authentication queries.
-- The page's 50 ids come from the app's kept list; pgbench cannot pass a list, so 50 consecutive ids of the
-- county stand in for them (990150's 2026 projects are ids 196930–200948 in jixiao_bench).
--   pgbench -n -M simple -c 16 -j 2 -T 30 -f project-list-cached.sql jixiao_bench
\set first random(196930, 200899)
SELECT p."Version" FROM "ProjectListVersions" AS p
WHERE (false OR p."RegionCode" = ANY ('{990150}')) AND p."FiscalYear" = 2026;
SELECT p."Id", p."BudgetKind", p."Category", p."Code", p."DepartmentId", p."EndYear", p."EstablishedOn", p."FiscalYear", p."IsPool", p."Level", p."Name", p."OrgUnitId", p."ParentId", p."Recurrence", p."RegionCode", p."StartYear", p."Status", p."Tags", p."Transfer",
       COALESCE(p1."Initial", 0) AS "Initial", COALESCE(p1."Adjusted", 0) AS "Adjusted", COALESCE(p1."Executed", 0) AS "Executed",
       (SELECT o."Name" FROM "OrgUnits" AS o WHERE (false OR (o."RegionCode" = ANY ('{990150}') AND (true OR o."Id" = ANY ('{}')))) AND o."Id" = p."OrgUnitId" LIMIT 1) AS "Unit",
       (SELECT o0."Name" FROM "OrgUnits" AS o0 WHERE (false OR (o0."RegionCode" = ANY ('{990150}') AND (true OR o0."Id" = ANY ('{}')))) AND o0."Id" = p."DepartmentId" LIMIT 1) AS "Department"
FROM "Projects" AS p
LEFT JOIN (
    SELECT p0."ProjectId", p0."Adjusted", p0."Executed", p0."Initial" FROM "ProjectTotals" AS p0
    WHERE false OR p0."RegionCode" = ANY ('{990150}')
) AS p1 ON p."Id" = p1."ProjectId"
WHERE (false OR (p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')))) AND p."FiscalYear" = 2026
  AND p."Id" = ANY (ARRAY(SELECT generate_series(:first, :first + 49)::bigint));
