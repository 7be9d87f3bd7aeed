-- EXPERIMENT (not what the app runs): the same page (sort=Adjusted desc, OFFSET 300) with count and totals,
-- computed in one statement that aggregates the county's movements and payments once (hash joins) instead of
-- correlated subqueries per project repeated in four statements. For comparing single-request cost only:
--   psql -d jixiao_bench -f bench/scripts/project-list-onepass.sql
-- one pass: pre-aggregate the county's movements and payments once (hash joins), totals as window aggregates
EXPLAIN (ANALYZE, BUFFERS)
WITH m AS (
  SELECT "ProjectId",
         sum("Amount") FILTER (WHERE "Kind" = 'InitialApproval') AS initial,
         sum(CASE WHEN "Kind" IN ('InitialApproval','Addition','ReallocationIn','CarryOver','PoolAllocationIn') THEN "Amount" ELSE -"Amount" END) AS adjusted
  FROM "LedgerMovements" WHERE "RegionCode" = '990150' AND "FiscalYear" = 2026 AND "Date" <= DATE '2026-11-22' GROUP BY "ProjectId"),
pay AS (
  SELECT "ProjectId", sum("Amount") AS executed
  FROM "Payments" WHERE "RegionCode" = '990150' AND "FiscalYear" = 2026 AND "Date" <= DATE '2026-11-22' GROUP BY "ProjectId"),
f AS (
  SELECT p."Id", p."Code", p."Name", p."OrgUnitId", p."DepartmentId",
         coalesce(m.initial,0) initial, coalesce(m.adjusted,0) adjusted, coalesce(pay.executed,0) executed
  FROM "Projects" p LEFT JOIN m ON m."ProjectId" = p."Id" LEFT JOIN pay ON pay."ProjectId" = p."Id"
  WHERE p."RegionCode" = '990150' AND p."FiscalYear" = 2026)
SELECT f.*, count(*) OVER () total, sum(adjusted) OVER () total_adjusted, sum(executed) OVER () total_executed
FROM f ORDER BY adjusted DESC, "Id" LIMIT 50 OFFSET 300;
