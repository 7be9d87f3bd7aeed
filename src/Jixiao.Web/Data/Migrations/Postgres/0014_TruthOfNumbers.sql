-- Issue 14 (truth of numbers). A reviewer's 方向 (正向 / 反向) per target indicator, copied into the self-evaluation row;
-- the region-year's vocabulary of 反向指标 name endings (blank: the national default); a form's reason for a 预算执行率
-- 分值 other than the setting; no reference score for a row whose target or actual cannot be read; row explanations
-- that say how each part of a several-value cell scored need more room.
ALTER TABLE "TargetIndicators" ADD "Direction" character varying(16);
ALTER TABLE "SelfEvaluationRows" ADD "Direction" character varying(16);
ALTER TABLE "SelfEvaluations" ADD "ExecutionWeightReason" character varying(500) NOT NULL DEFAULT '';
ALTER TABLE "EvaluationWeightSettings" ADD "ReverseVocabulary" character varying(2000) NOT NULL DEFAULT '';
ALTER TABLE "SelfEvaluationRows" ALTER COLUMN "ReferenceScore" DROP NOT NULL;
ALTER TABLE "SelfEvaluationRows" ALTER COLUMN "Explanation" TYPE character varying(1000);
