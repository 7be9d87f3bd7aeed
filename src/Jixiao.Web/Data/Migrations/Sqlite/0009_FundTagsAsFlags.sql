-- 资金标签 as the model says: flags in an integer (地方政府债券 1, PPP 2, 政府购买服务 4, 上年结转 8), so the project
-- list tests a bit. Until now a global rule stored every enum by name, this one too ("Bond, Ppp"). SQLite cannot
-- change a column's type in place: a new column takes the flags, the old one is dropped (no index, trigger or
-- foreign key names it) and the new one takes its name. A NOT NULL column added needs a default: 0, as the model says.
ALTER TABLE "Projects" ADD COLUMN "TagFlags" INTEGER NOT NULL DEFAULT 0;
UPDATE "Projects" SET "TagFlags" =
      (instr("Tags", 'Bond') > 0) * 1
    + (instr("Tags", 'Ppp') > 0) * 2
    + (instr("Tags", 'GovernmentPurchase') > 0) * 4
    + (instr("Tags", 'CarryOver') > 0) * 8
WHERE "Tags" <> 'None';
ALTER TABLE "Projects" DROP COLUMN "Tags";
ALTER TABLE "Projects" RENAME COLUMN "TagFlags" TO "Tags";
