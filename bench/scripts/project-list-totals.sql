-- pgbench: the database work of one GET /api/projects?year=2026&sort=Adjusted&descending=true&page=K for
-- perf.990150 since the list reads ProjectTotals (ADR 0005), as EF Core sends it, with the scope-filter
-- parameters substituted (see project-list.sql) and asOf = 2026-11-22. Four statements: are the totals
-- current, count and totals, the page's ids, the page's rows with names. Not included: the two per-request
-- authentication queries (token with user and roles; regions).
--   pgbench -n -M simple -c 16 -j 2 -T 30 -f project-list-totals.sql jixiao_bench
\set offset random(0, 79) * 50
SELECT EXISTS (
    SELECT 1 FROM "ProjectTotals" AS p
    WHERE (false OR p."RegionCode" = ANY ('{990150}')) AND p."FiscalYear" = 2026 AND p."LatestDate" > DATE '2026-11-22');
SELECT count(*)::int AS "Count", COALESCE(sum(COALESCE(s."Adjusted", 0)), 0) AS "Adjusted", COALESCE(sum(COALESCE(s."Executed", 0)), 0) AS "Executed"
FROM (
    SELECT p1."Adjusted", p1."Executed", 1 AS "Key"
    FROM "Projects" AS p
    LEFT JOIN (
        SELECT p0."ProjectId", p0."Adjusted", p0."Executed" FROM "ProjectTotals" AS p0
        WHERE false OR p0."RegionCode" = ANY ('{990150}')
    ) AS p1 ON p."Id" = p1."ProjectId"
    WHERE (false OR (p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')))) AND p."FiscalYear" = 2026
) AS s
GROUP BY s."Key"
LIMIT 2;
SELECT p."Id"
FROM "Projects" AS p
LEFT JOIN (
    SELECT p0."ProjectId", p0."Adjusted" FROM "ProjectTotals" AS p0
    WHERE false OR p0."RegionCode" = ANY ('{990150}')
) AS p1 ON p."Id" = p1."ProjectId"
WHERE (false OR (p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')))) AND p."FiscalYear" = 2026
ORDER BY COALESCE(p1."Adjusted", 0) DESC, p."Id"
LIMIT 50 OFFSET :offset;
-- the rows of a page (the ids of page :offset, taken again in SQL since pgbench cannot pass a list)
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
  AND p."Id" = ANY (ARRAY(SELECT x."Id" FROM "Projects" AS x WHERE x."RegionCode" = '990150' AND x."FiscalYear" = 2026 ORDER BY x."Id" LIMIT 50 OFFSET :offset));
