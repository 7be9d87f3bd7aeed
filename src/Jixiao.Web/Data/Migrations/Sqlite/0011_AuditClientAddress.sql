-- Audit records keep the client address of the request that wrote them (sign-ins, failures, lockouts, changes);
-- CLI verbs and records written before this step have none. The hash covers the address when there is one.
ALTER TABLE "AuditEntries" ADD COLUMN "ClientAddress" TEXT NULL;
