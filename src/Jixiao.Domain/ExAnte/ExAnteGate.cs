using Jixiao.Domain.Budget;

namespace Jixiao.Domain.ExAnte;

public enum GateVerdict
{
    [Label("准予")] Pass = 1,
    [Label("警示后准予")] Warn = 2,
    [Label("拒绝")] Refuse = 3,
}

/// <summary>What the gate said about one movement, in words that name the project, its status and the amounts.</summary>
public sealed record GateDecision(GateVerdict Verdict, string Message);

/// <summary>
/// The gate before the budget ("先评估后入库", DOMAIN.md §4.1): a project that needs an ex-ante evaluation receives no 年初批复, 追加
/// or 待分资金分配 until its conclusion supports it (调整完善后予以支持: after finance accepted the revision); an initial approval above
/// the suggested cap is refused or warned as the region-year says. Other movements (调减, 调剂, 结转, 收回) pass.
/// </summary>
public static class ExAnteGate
{
    /// <summary>The movements that give a project money, which the gate holds (a query can ask <c>FundingKinds.Contains(m.Kind)</c>).</summary>
    public static readonly MovementKind[] FundingKinds = [MovementKind.InitialApproval, MovementKind.Addition, MovementKind.PoolAllocationIn];

    public static bool Gated(MovementKind kind) => FundingKinds.Contains(kind);

    /// <param name="evaluation">the project's evaluation, or null when none was raised</param>
    /// <param name="triggers">when none was raised: the screening rules that hold for it now (empty: it needs none)</param>
    /// <param name="initialAfter">the project's 年初批复 in all with this movement</param>
    /// <returns>null when the gate has nothing to say (the movement is not gated, or the project needs no evaluation)</returns>
    public static GateDecision? Decide(Project project, MovementKind kind, decimal amount, ExAnteEvaluation? evaluation, IReadOnlyList<string> triggers,
        decimal initialAfter, CapMode capMode)
    {
        if (!Gated(kind)) return null;
        var name = $"项目“{project.Code} {project.Name}”";
        var what = $"{kind.Label()} {Money.Wan(amount)}";
        if (evaluation is null)
            return triggers.Count == 0
                ? null
                : new(GateVerdict.Refuse, $"{name}需要事前绩效评估（{string.Join("；", triggers)}），尚未开展评估，不能{what}。请先在“事前评估”中完成评估并取得支持的结论。");
        if (!evaluation.GateOpen)
            return new(GateVerdict.Refuse, $"{name}的事前绩效评估为“{Label(evaluation)}”，不能{what}：{WhyShut(evaluation)}");
        if (kind == MovementKind.InitialApproval && evaluation.Cap is { } cap && initialAfter > cap)
        {
            var over = $"{name}年初批复合计 {Money.Wan(initialAfter)}，超过事前评估建议预算控制数 {Money.Wan(cap)}";
            return capMode == CapMode.Refuse
                ? new(GateVerdict.Refuse, $"{over}，不能批复；请按控制数批复，或由财政调整评估结论。")
                : new(GateVerdict.Warn, $"{over}（本年度设置为警示后允许）。");
        }
        return new(GateVerdict.Pass, $"{name}已通过事前绩效评估（{Label(evaluation)}{(evaluation.Cap is { } c ? $"，建议预算控制数 {Money.Wan(c)}" : "")}），准予{what}。");
    }

    private static string Label(ExAnteEvaluation e) => e.Status == ExAnteStatus.SupportedAfterRevision
        ? $"{e.Status.Label()}，{e.State.Label()}"
        : e.Status.Label();

    /// <summary>What the evaluation still needs before the budget may be approved (the gate's words, on the page as in the refusal).</summary>
    public static string WhyShut(ExAnteEvaluation e) => e.State == ExAnteState.RevisionSubmitted
        ? "修改稿待财政确认，确认后方可安排预算。"
        : e.Status switch
    {
        ExAnteStatus.Pending => "须待单位提交事前评估报告、财政评估结论为支持后才能安排预算。",
        ExAnteStatus.Assessing => "财政正在评估，须待结论为支持后才能安排预算。",
        ExAnteStatus.Rejected => "评估结论为不予支持，不能安排预算。",
        _ => "须先由单位提交调整完善后的申报材料并经财政确认。",
    };
}
