-- 资金标签 as the model says: flags in an integer (地方政府债券 1, PPP 2, 政府购买服务 4, 上年结转 8), so the project
-- list tests a bit. Until now a global rule stored every enum by name, this one too ("Bond, Ppp").
ALTER TABLE "Projects" ALTER COLUMN "Tags" TYPE integer USING
    (position('Bond' in "Tags") > 0)::integer * 1
    + (position('Ppp' in "Tags") > 0)::integer * 2
    + (position('GovernmentPurchase' in "Tags") > 0)::integer * 4
    + (position('CarryOver' in "Tags") > 0)::integer * 8;
ALTER TABLE "Projects" ALTER COLUMN "Tags" SET DEFAULT 0;
