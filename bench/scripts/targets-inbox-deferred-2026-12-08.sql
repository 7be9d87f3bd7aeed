-- pgbench: the database work of one GET /api/targets/inbox?year=2026&box=Todo&page=K for perf.990150 (2,936 versions waiting
-- for the performance division's final review, 59 pages of 50), as EF Core sends it at commit 59a25b7 (captured 2026-12-08 with
-- the EF command log): the bearer token with user and roles, the region codes, the three counts (待办, 被退回, 已办; 待填报 is 0
-- for a division), the page with names, budget and latest opinion in the default order (Adjusted desc),
-- the page's ids chosen first in a subquery (the shape FormList.PageAsync sends since the fix of 2026-12-08). Parameters substituted:
-- ScopeRegions {990150}, ScopeAllOrgs true, userId 837 (perf.990150), the token's hash, the name suffix ' 部门整体绩效目标'.
--   pgbench -n -M simple -c 16 -j 2 -T 20 -f targets-inbox-deferred-2026-12-08.sql gen_fast_province
\set page random(1, 59)
SELECT s."Id", s."CreatedAtUtc", s."ExpiresAtUtc", s."Name", s."Prefix", s."RegionCode", s."RevokedAtUtc", s."RevokedReason", s."TokenHash", s."UserId", s."Id0", s."AccessFailedCount", s."AgencyId", s."ConcurrencyStamp", s."CreatedAtUtc0", s."DisplayName", s."Email", s."EmailConfirmed", s."ExpertId", s."IsActive", s."LockoutEnabled", s."LockoutEnd", s."NormalizedEmail", s."NormalizedUserName", s."OrgUnitId", s."PasswordChangedAtUtc", s."PasswordHash", s."PasswordSetByAdministrator", s."PhoneNumber", s."PhoneNumberConfirmed", s."RegionCode0", s."SecurityStamp", s."TotpSecret", s."TwoFactorEnabled", s."UserName", u0."Id", u0."RegionCode", u0."Role", u0."UserId"
FROM (SELECT a."Id", a."CreatedAtUtc", a."ExpiresAtUtc", a."Name", a."Prefix", a."RegionCode", a."RevokedAtUtc", a."RevokedReason", a."TokenHash", a."UserId", u."Id" AS "Id0", u."AccessFailedCount", u."AgencyId", u."ConcurrencyStamp", u."CreatedAtUtc" AS "CreatedAtUtc0", u."DisplayName", u."Email", u."EmailConfirmed", u."ExpertId", u."IsActive", u."LockoutEnabled", u."LockoutEnd", u."NormalizedEmail", u."NormalizedUserName", u."OrgUnitId", u."PasswordChangedAtUtc", u."PasswordHash", u."PasswordSetByAdministrator", u."PhoneNumber", u."PhoneNumberConfirmed", u."RegionCode" AS "RegionCode0", u."SecurityStamp", u."TotpSecret", u."TwoFactorEnabled", u."UserName"
      FROM "ApiTokens" AS a INNER JOIN "Users" AS u ON a."UserId" = u."Id" WHERE a."TokenHash" = '80f5b4340a503f8d495966977eda211cd4205294262ed940a157ba2ad33e416d' LIMIT 2) AS s
LEFT JOIN "UserRoles" AS u0 ON s."Id0" = u0."UserId" ORDER BY s."Id", s."Id0";
SELECT r."Code" FROM "Regions" AS r;
SELECT count(*)::int FROM "PerformanceTargets" AS p WHERE p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')) AND p."FiscalYear" = 2026 AND ((p."Subject" = 'Project' AND p."State" = 'DivisionApproved') OR (p."Subject" = 'Department' AND p."State" = 'DivisionApproved')) AND p."State" <> 'Returned';
SELECT count(*)::int FROM "PerformanceTargets" AS p WHERE p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')) AND p."FiscalYear" = 2026 AND ((p."Subject" = 'Project' AND p."State" = 'DivisionApproved') OR (p."Subject" = 'Department' AND p."State" = 'DivisionApproved')) AND p."State" = 'Returned';
SELECT count(*)::int FROM "PerformanceTargets" AS p WHERE p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')) AND p."FiscalYear" = 2026
  AND EXISTS (SELECT 1 FROM "TargetReviewSteps" AS t WHERE p."Id" = t."TargetId" AND t."UserId" = 837)
  AND NOT EXISTS (SELECT 1 FROM "PerformanceTargets" AS p0 WHERE p0."RegionCode" = ANY ('{990150}') AND (true OR p0."OrgUnitId" = ANY ('{}')) AND p0."FiscalYear" = 2026 AND ((p0."Subject" = 'Project' AND p0."State" = 'DivisionApproved') OR (p0."Subject" = 'Department' AND p0."State" = 'DivisionApproved')) AND p0."State" <> 'Returned' AND p0."Id" = p."Id")
  AND NOT EXISTS (SELECT 1 FROM "PerformanceTargets" AS p1 WHERE p1."RegionCode" = ANY ('{990150}') AND (true OR p1."OrgUnitId" = ANY ('{}')) AND p1."FiscalYear" = 2026 AND ((p1."Subject" = 'Project' AND p1."State" = 'DivisionApproved') OR (p1."Subject" = 'Department' AND p1."State" = 'DivisionApproved')) AND p1."State" = 'Returned' AND p1."Id" = p."Id");
SELECT p."Id", p."ProjectId", p."Subject", CASE WHEN p3."Id" IS NOT NULL THEN p3."Code" ELSE '' END,
  CASE WHEN p3."Id" IS NOT NULL THEN p3."Name" ELSE COALESCE(CASE WHEN o0."Id" IS NOT NULL THEN o0."Name" ELSE '' END, '') || ' 部门整体绩效目标' END,
  CASE WHEN o0."Id" IS NOT NULL THEN o0."Name" ELSE '' END, p."Version", p."State", p."UpdatedAtUtc",
  (SELECT t."Opinion" FROM "TargetReviewSteps" AS t WHERE p."Id" = t."TargetId" ORDER BY t."Seq" DESC LIMIT 1), COALESCE(p1."Adjusted", 0)
FROM "PerformanceTargets" AS p
LEFT JOIN (SELECT p0."ProjectId", p0."Adjusted" FROM "ProjectTotals" AS p0 WHERE p0."RegionCode" = ANY ('{990150}')) AS p1 ON p."ProjectId" = p1."ProjectId"
LEFT JOIN (SELECT p2."Id", p2."Code", p2."Name" FROM "Projects" AS p2 WHERE p2."RegionCode" = ANY ('{990150}') AND (true OR p2."OrgUnitId" = ANY ('{}'))) AS p3 ON p."ProjectId" = p3."Id"
LEFT JOIN (SELECT o."Id", o."Name" FROM "OrgUnits" AS o WHERE o."RegionCode" = ANY ('{990150}') AND (true OR o."Id" = ANY ('{}'))) AS o0 ON p."OrgUnitId" = o0."Id"
WHERE p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')) AND p."FiscalYear" = 2026 AND ((p."Subject" = 'Project' AND p."State" = 'DivisionApproved') OR (p."Subject" = 'Department' AND p."State" = 'DivisionApproved')) AND p."State" <> 'Returned' AND p."Id" IN (SELECT p."Id" FROM "PerformanceTargets" AS p
LEFT JOIN (SELECT p0."ProjectId", p0."Adjusted" FROM "ProjectTotals" AS p0 WHERE p0."RegionCode" = ANY ('{990150}')) AS q1 ON p."ProjectId" = q1."ProjectId"
LEFT JOIN (SELECT p2."Id", p2."Code", p2."Name" FROM "Projects" AS p2 WHERE p2."RegionCode" = ANY ('{990150}') AND (true OR p2."OrgUnitId" = ANY ('{}'))) AS q3 ON p."ProjectId" = q3."Id"
LEFT JOIN (SELECT o."Id", o."Name" FROM "OrgUnits" AS o WHERE o."RegionCode" = ANY ('{990150}') AND (true OR o."Id" = ANY ('{}'))) AS q0 ON p."OrgUnitId" = q0."Id"
WHERE p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')) AND p."FiscalYear" = 2026 AND ((p."Subject" = 'Project' AND p."State" = 'DivisionApproved') OR (p."Subject" = 'Department' AND p."State" = 'DivisionApproved')) AND p."State" <> 'Returned'
ORDER BY (SELECT 1), COALESCE(q1."Adjusted", 0) DESC, p."Id"
LIMIT 50 OFFSET (:page - 1) * 50)
ORDER BY (SELECT 1), COALESCE(p1."Adjusted", 0) DESC, p."Id";
