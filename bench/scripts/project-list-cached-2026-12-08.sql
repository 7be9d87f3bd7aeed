-- pgbench: the database work of one GET /api/projects?year=2026&sort=Adjusted&descending=true&page=K for perf.990150 when
-- the sorted list is kept (ADR 0007), as EF Core sends it at commit 59a25b7 (captured 2026-12-08 with the EF command log),
-- all four statements: the bearer token with user and roles, the region codes, the region-year's change counter, the page's
-- rows. Parameters substituted: ScopeRegions {990150}, ScopeAllOrgs true (a performance division sees the whole county),
-- the token's hash (a token of perf.990150 in gen_fast_province). The page's 50 ids come from the app's kept list; pgbench
-- cannot pass a list, so 50 consecutive ids of the county stand in (990150's 2026 projects are ids 196930–200948).
--   pgbench -n -M simple -c 16 -j 2 -T 20 -f project-list-cached-2026-12-08.sql gen_fast_province
\set first random(196930, 200899)
SELECT s."Id", s."CreatedAtUtc", s."ExpiresAtUtc", s."Name", s."Prefix", s."RegionCode", s."RevokedAtUtc", s."RevokedReason", s."TokenHash", s."UserId", s."Id0", s."AccessFailedCount", s."AgencyId", s."ConcurrencyStamp", s."CreatedAtUtc0", s."DisplayName", s."Email", s."EmailConfirmed", s."ExpertId", s."IsActive", s."LockoutEnabled", s."LockoutEnd", s."NormalizedEmail", s."NormalizedUserName", s."OrgUnitId", s."PasswordChangedAtUtc", s."PasswordHash", s."PasswordSetByAdministrator", s."PhoneNumber", s."PhoneNumberConfirmed", s."RegionCode0", s."SecurityStamp", s."TotpSecret", s."TwoFactorEnabled", s."UserName", u0."Id", u0."RegionCode", u0."Role", u0."UserId"
FROM (SELECT a."Id", a."CreatedAtUtc", a."ExpiresAtUtc", a."Name", a."Prefix", a."RegionCode", a."RevokedAtUtc", a."RevokedReason", a."TokenHash", a."UserId", u."Id" AS "Id0", u."AccessFailedCount", u."AgencyId", u."ConcurrencyStamp", u."CreatedAtUtc" AS "CreatedAtUtc0", u."DisplayName", u."Email", u."EmailConfirmed", u."ExpertId", u."IsActive", u."LockoutEnabled", u."LockoutEnd", u."NormalizedEmail", u."NormalizedUserName", u."OrgUnitId", u."PasswordChangedAtUtc", u."PasswordHash", u."PasswordSetByAdministrator", u."PhoneNumber", u."PhoneNumberConfirmed", u."RegionCode" AS "RegionCode0", u."SecurityStamp", u."TotpSecret", u."TwoFactorEnabled", u."UserName"
      FROM "ApiTokens" AS a INNER JOIN "Users" AS u ON a."UserId" = u."Id" WHERE a."TokenHash" = '80f5b4340a503f8d495966977eda211cd4205294262ed940a157ba2ad33e416d' LIMIT 2) AS s
LEFT JOIN "UserRoles" AS u0 ON s."Id0" = u0."UserId" ORDER BY s."Id", s."Id0";
SELECT r."Code" FROM "Regions" AS r;
SELECT p."Version" FROM "ProjectListVersions" AS p WHERE p."RegionCode" = ANY ('{990150}') AND p."FiscalYear" = 2026;
SELECT p."Id", p."BudgetKind", p."Category", p."Code", p."DepartmentId", p."EndYear", p."EstablishedOn", p."FiscalYear", p."IsPool", p."Level", p."MajorPolicy", p."Name", p."OrgUnitId", p."ParentId", p."Recurrence", p."RegionCode", p."RequestedAmount", p."StartYear", p."Status", p."Tags", p."Transfer", COALESCE(p1."Initial", 0) AS "Initial", COALESCE(p1."Adjusted", 0) AS "Adjusted", COALESCE(p1."Executed", 0) AS "Executed",
  (SELECT o."Name" FROM "OrgUnits" AS o WHERE o."RegionCode" = ANY ('{990150}') AND (true OR o."Id" = ANY ('{}')) AND o."Id" = p."OrgUnitId" LIMIT 1) AS "Unit",
  (SELECT o0."Name" FROM "OrgUnits" AS o0 WHERE o0."RegionCode" = ANY ('{990150}') AND (true OR o0."Id" = ANY ('{}')) AND o0."Id" = p."DepartmentId" LIMIT 1) AS "Department"
FROM "Projects" AS p
LEFT JOIN (SELECT p0."ProjectId", p0."Adjusted", p0."Executed", p0."Initial" FROM "ProjectTotals" AS p0 WHERE p0."RegionCode" = ANY ('{990150}')) AS p1 ON p."Id" = p1."ProjectId"
WHERE p."RegionCode" = ANY ('{990150}') AND (true OR p."OrgUnitId" = ANY ('{}')) AND p."FiscalYear" = 2026
  AND p."Id" = ANY (ARRAY(SELECT generate_series(:first, :first + 49)::bigint));
