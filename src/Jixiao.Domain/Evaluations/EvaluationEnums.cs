namespace Jixiao.Domain.Evaluations;

/// <summary>评价等级 (DOMAIN.md §4.4): ≥ 90 优, [80, 90) 良, [60, 80) 中, &lt; 60 差 — of a total out of 100.</summary>
public enum Grade
{
    [Label("优")]
    Excellent = 1,
    [Label("良")]
    Good = 2,
    [Label("中")]
    Fair = 3,
    [Label("差")]
    Poor = 4,
}

/// <summary>Whether a row reached its target, as the reference scoring reads it.</summary>
public enum Attainment
{
    /// <summary>已达到 (qualitative: 达成)</summary>
    [Label("已达到")]
    Met = 1,
    /// <summary>未达到 (qualitative: 部分达成 or 未达成)</summary>
    [Label("未达到")]
    Missed = 2,
    /// <summary>Not known: the actual value is blank or unreadable, or the target value cannot be read.</summary>
    [Label("无法判断")]
    Unknown = 3,
}

/// <summary>What a consistency finding is about. Whether it blocks submission is fixed per kind (<see cref="EvaluationLabels.IsBlocking"/>).</summary>
public enum FindingKind
{
    /// <summary>A value, weight, score, 总分 or 年度总体目标完成情况 left blank (blocking).</summary>
    [Label("空白未填")]
    Blank = 1,
    /// <summary>实际完成值 that cannot be read as a number or date (blocking).</summary>
    [Label("实际完成值无法读取")]
    UnreadableActual = 2,
    /// <summary>总分 ≠ 预算执行率得分 + 各指标得分 (blocking).</summary>
    [Label("总分与分项之和不符")]
    TotalMismatch = 3,
    /// <summary>分值 (weights) not adding up to the configured total (blocking).</summary>
    [Label("分值合计不符")]
    WeightTotal = 4,
    /// <summary>A score below 0 or above its row's 分值 (blocking).</summary>
    [Label("得分超出分值范围")]
    ScoreOutOfRange = 5,
    /// <summary>A qualitative score outside the band of the grade the unit chose, or a met quantitative row scored below the
    /// 达成 band (under 80 % of its 分值) (blocking).</summary>
    [Label("定性得分超出等级区间")]
    OutsideBand = 6,
    /// <summary>A met quantitative or date indicator scored below its full 分值 but inside the 达成 band, ≥ 80 % (warning: a unit
    /// may self-deduct); below 80 % it is <see cref="OutsideBand"/>.</summary>
    [Label("已达到目标但未得满分")]
    MetBelowFull = 7,
    /// <summary>A missed indicator without 偏差原因分析及改进措施 (blocking).</summary>
    [Label("未达到目标缺少偏差原因")]
    MissingReason = 8,
    /// <summary>Completion at or above the over-achievement threshold without a reason (warning).</summary>
    [Label("超额完成未说明原因")]
    OverAchievement = 9,
    /// <summary>The 预算执行率 row contradicts the ledger: A, B or its score (blocking).</summary>
    [Label("预算执行与账面不符")]
    ExecutionContradictsLedger = 10,
    /// <summary>The unit's total far from the reference total (warning).</summary>
    [Label("自评分与参考分差距较大")]
    FarFromReference = 11,
    /// <summary>年度指标值 that cannot be read: the row has no reference score (warning: the unit cannot change approved targets).</summary>
    [Label("年度指标值无法识别")]
    UnreadableTarget = 12,
    /// <summary>实际完成值 written as a threshold ("≥98%"): its number is used (warning).</summary>
    [Label("实际完成值写成了目标形式")]
    ThresholdActual = 13,
    /// <summary>The form's 预算执行率 分值 differs from the region-year's setting without a reason (blocking).</summary>
    [Label("预算执行率分值调整未说明理由")]
    ExecutionWeightWithoutReason = 14,
    /// <summary>A cost indicator's actual in 元 or 万元 contradicts the ledger: above the year's whole spending (B), or — the
    /// form's only such indicator, so the project's cost — more than 1 % from it (warning).</summary>
    [Label("实际成本与账面支出不符")]
    CostContradictsLedger = 15,
}

public static class EvaluationLabels
{
    /// <summary>Errors stop a submit; the others are warnings that travel with the form to the reviewers.</summary>
    public static bool IsBlocking(this FindingKind k) =>
        k is not (FindingKind.MetBelowFull or FindingKind.OverAchievement or FindingKind.FarFromReference
            or FindingKind.UnreadableTarget or FindingKind.ThresholdActual or FindingKind.CostContradictsLedger);

    /// <summary>Hints prompt for a word of explanation and are shown apart from errors and warnings (over-achievement: the
    /// target was probably set too low).</summary>
    public static bool IsHint(this FindingKind k) => k is FindingKind.OverAchievement;
}
