-- Identity hardening (等保2.0 三级, ADR 0008): server-side sessions, password history, expiry and forced change,
-- the second factor (TOTP secret, hashed recovery codes), each region's security settings, and why a token was revoked.
-- Passwords of existing accounts count their age from this upgrade.
ALTER TABLE "Users" ADD COLUMN "PasswordChangedAtUtc" TEXT NULL;
ALTER TABLE "Users" ADD COLUMN "PasswordSetByAdministrator" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Users" ADD COLUMN "TotpSecret" TEXT NULL;
UPDATE "Users" SET "PasswordChangedAtUtc" = CURRENT_TIMESTAMP;
ALTER TABLE "ApiTokens" ADD COLUMN "RevokedReason" TEXT NULL;

CREATE TABLE "SecuritySettings" (
    "RegionCode" TEXT NOT NULL CONSTRAINT "PK_SecuritySettings" PRIMARY KEY,
    "PasswordExpiryDays" INTEGER NOT NULL,
    "FinanceTwoFactor" INTEGER NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_SecuritySettings_Regions_RegionCode" FOREIGN KEY ("RegionCode") REFERENCES "Regions" ("Code") ON DELETE CASCADE
);

CREATE TABLE "PasswordHistory" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PasswordHistory" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "ReplacedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_PasswordHistory_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RecoveryCodes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecoveryCodes" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "CodeHash" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UsedAtUtc" TEXT NULL,
    CONSTRAINT "FK_RecoveryCodes_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE TABLE "UserSessions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "RegionCode" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "LastSeenAtUtc" TEXT NOT NULL,
    "EndedAtUtc" TEXT NULL,
    "EndReason" TEXT NULL,
    "ClientAddress" TEXT NOT NULL,
    "UserAgent" TEXT NOT NULL,
    CONSTRAINT "FK_UserSessions_Users_UserId" FOREIGN KEY ("UserId") REFERENCES "Users" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PasswordHistory_UserId_ReplacedAtUtc" ON "PasswordHistory" ("UserId", "ReplacedAtUtc");

CREATE INDEX "IX_RecoveryCodes_UserId" ON "RecoveryCodes" ("UserId");

CREATE UNIQUE INDEX "IX_UserSessions_KeyHash" ON "UserSessions" ("KeyHash");

CREATE INDEX "IX_UserSessions_UserId_EndedAtUtc" ON "UserSessions" ("UserId", "EndedAtUtc");
