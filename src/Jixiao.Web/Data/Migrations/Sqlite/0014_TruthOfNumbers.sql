-- Issue 14 (truth of numbers). A reviewer's 方向 (正向 / 反向) per target indicator, copied into the self-evaluation row;
-- the region-year's vocabulary of 反向指标 name endings (blank: the national default); a form's reason for a 预算执行率
-- 分值 other than the setting. A row whose target or actual cannot be read has no reference score, so "ReferenceScore"
-- becomes nullable: SQLite cannot change a column's nullability in place, so a new column takes the scores, the old one
-- is dropped (no index names it) and the new one takes its name.
ALTER TABLE "TargetIndicators" ADD COLUMN "Direction" TEXT NULL;
ALTER TABLE "SelfEvaluationRows" ADD COLUMN "Direction" TEXT NULL;
ALTER TABLE "SelfEvaluations" ADD COLUMN "ExecutionWeightReason" TEXT NOT NULL DEFAULT '';
ALTER TABLE "EvaluationWeightSettings" ADD COLUMN "ReverseVocabulary" TEXT NOT NULL DEFAULT '';
ALTER TABLE "SelfEvaluationRows" ADD COLUMN "ReferenceScoreOrNone" TEXT NULL;
UPDATE "SelfEvaluationRows" SET "ReferenceScoreOrNone" = "ReferenceScore";
ALTER TABLE "SelfEvaluationRows" DROP COLUMN "ReferenceScore";
ALTER TABLE "SelfEvaluationRows" RENAME COLUMN "ReferenceScoreOrNone" TO "ReferenceScore";
