CREATE TABLE "AuditChainHeads" (
    "ChainKey" TEXT NOT NULL CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY,
    "Sequence" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "OccurredAtUtc" TEXT NOT NULL,
    "UserId" INTEGER NULL,
    "UserName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "Changes" TEXT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NOT NULL,
    "Xml" TEXT NOT NULL
);


CREATE TABLE "Regions" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Regions" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ParentCode" TEXT NULL,
    "Level" TEXT NOT NULL
);


CREATE TABLE "FiscalYears" (
    "RegionCode" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    CONSTRAINT "PK_FiscalYears" PRIMARY KEY ("RegionCode", "Year"),
    CONSTRAINT "FK_FiscalYears_Regions_RegionCode" FOREIGN KEY ("RegionCode") REFERENCES "Regions" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "OrgUnits" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OrgUnits" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DivisionKind" TEXT NULL,
    "ParentId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    CONSTRAINT "FK_OrgUnits_OrgUnits_ParentId" FOREIGN KEY ("ParentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_OrgUnits_Regions_RegionCode" FOREIGN KEY ("RegionCode") REFERENCES "Regions" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "DivisionAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DivisionAssignments" PRIMARY KEY AUTOINCREMENT,
    "RegionCode" TEXT NOT NULL,
    "FiscalYear" INTEGER NOT NULL,
    "DivisionId" INTEGER NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    CONSTRAINT "FK_DivisionAssignments_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_DivisionAssignments_OrgUnits_DivisionId" FOREIGN KEY ("DivisionId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Users" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Users" PRIMARY KEY AUTOINCREMENT,
    "DisplayName" TEXT NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "OrgUnitId" INTEGER NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_Users_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Users_Regions_RegionCode" FOREIGN KEY ("RegionCode") REFERENCES "Regions" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "ApiTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    "RevokedAtUtc" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_UserClaims_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_UserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_UserLogins_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserRoles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UserRoles" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    CONSTRAINT "FK_UserRoles_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UserTokens" (
    "UserId" INTEGER NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_UserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_UserTokens_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_ApiTokens_TokenHash" ON "ApiTokens" ("TokenHash");


CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");


CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");


CREATE INDEX "IX_AuditEntries_RegionCode_OccurredAtUtc" ON "AuditEntries" ("RegionCode", "OccurredAtUtc");


CREATE UNIQUE INDEX "IX_AuditEntries_RegionCode_Sequence" ON "AuditEntries" ("RegionCode", "Sequence");


CREATE INDEX "IX_DivisionAssignments_DepartmentId" ON "DivisionAssignments" ("DepartmentId");


CREATE INDEX "IX_DivisionAssignments_DivisionId" ON "DivisionAssignments" ("DivisionId");


CREATE UNIQUE INDEX "IX_DivisionAssignments_RegionCode_FiscalYear_DepartmentId" ON "DivisionAssignments" ("RegionCode", "FiscalYear", "DepartmentId");


CREATE INDEX "IX_OrgUnits_ParentId" ON "OrgUnits" ("ParentId");


CREATE UNIQUE INDEX "IX_OrgUnits_RegionCode_Code" ON "OrgUnits" ("RegionCode", "Code");


CREATE INDEX "IX_Regions_ParentCode" ON "Regions" ("ParentCode");


CREATE INDEX "IX_UserClaims_UserId" ON "UserClaims" ("UserId");


CREATE INDEX "IX_UserLogins_UserId" ON "UserLogins" ("UserId");


CREATE INDEX "IX_UserRoles_RegionCode_Role" ON "UserRoles" ("RegionCode", "Role");


CREATE UNIQUE INDEX "IX_UserRoles_UserId_Role" ON "UserRoles" ("UserId", "Role");


CREATE INDEX "EmailIndex" ON "Users" ("NormalizedEmail");


CREATE INDEX "IX_Users_OrgUnitId" ON "Users" ("OrgUnitId");


CREATE INDEX "IX_Users_RegionCode_OrgUnitId" ON "Users" ("RegionCode", "OrgUnitId");


CREATE UNIQUE INDEX "UserNameIndex" ON "Users" ("NormalizedUserName");



