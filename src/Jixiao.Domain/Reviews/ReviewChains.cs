using Jixiao.Domain.Access;
using Jixiao.Domain.Rectifications;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Reviews;

/// <summary>
/// The review chains of everything units fill and finance reviews, as tables. Targets (DOMAIN.md §4.2): unit submits →
/// department first review → finance business division (by the department-to-division mapping) → performance division final
/// approval; a department's overall targets start at the division. Forms filled after targets are approved (§4.3, §4.4: monitoring
/// returns, self-evaluations): the same chain ("谁分配资金，谁审核"), where the division step is a region-year setting
/// (<c>divisionStep</c>, default on as for targets) and a form already at the division's step stays with the division when the
/// setting is turned off. Every reviewer may return an item, with a reason, to its filler.
/// </summary>
public static class ReviewChains
{
    private static readonly Role? Filler = null;

    public static readonly ReviewChain<TargetState, ReviewAction> Targets = new(
    [
        new(TargetState.Draft, ReviewAction.Submit, Filler, TargetState.Submitted, TargetSubject.Project),
        new(TargetState.Returned, ReviewAction.Submit, Filler, TargetState.Submitted, TargetSubject.Project),
        new(TargetState.Draft, ReviewAction.Submit, Filler, TargetState.DepartmentApproved, TargetSubject.Department),
        new(TargetState.Returned, ReviewAction.Submit, Filler, TargetState.DepartmentApproved, TargetSubject.Department),
        new(TargetState.Submitted, ReviewAction.Approve, Role.DepartmentReviewer, TargetState.DepartmentApproved),
        new(TargetState.Submitted, ReviewAction.Return, Role.DepartmentReviewer, TargetState.Returned),
        new(TargetState.DepartmentApproved, ReviewAction.Approve, Role.BusinessDivision, TargetState.DivisionApproved),
        new(TargetState.DepartmentApproved, ReviewAction.Return, Role.BusinessDivision, TargetState.Returned),
        new(TargetState.DepartmentApproved, ReviewAction.Reject, Role.BusinessDivision, TargetState.Rejected),
        new(TargetState.DepartmentApproved, ReviewAction.Refine, Role.BusinessDivision, null),
        new(TargetState.DivisionApproved, ReviewAction.Approve, Role.PerformanceDivision, TargetState.Approved),
        new(TargetState.DivisionApproved, ReviewAction.Return, Role.PerformanceDivision, TargetState.Returned),
        new(TargetState.DivisionApproved, ReviewAction.Reject, Role.PerformanceDivision, TargetState.Rejected),
        new(TargetState.DivisionApproved, ReviewAction.Refine, Role.PerformanceDivision, null),
        // 申请调整 opens the next version as a draft; this one stays approved (and in force) until that one is approved. The
        // filler asks for it, or the performance division requires it (监控整改：目标调整).
        new(TargetState.Approved, ReviewAction.Adjust, Filler, null),
        new(TargetState.Approved, ReviewAction.Adjust, Role.PerformanceDivision, null),
    ], TargetRefusal, editInPlace: ReviewAction.Refine);

    public static readonly ReviewChain<FormState, FormAction> Monitoring = Form("监控表");
    public static readonly ReviewChain<FormState, FormAction> SelfEvaluation = Form("自评表");

    /// <summary>
    /// 整改 (DOMAIN.md §4.6): the responsible unit submits its reply to its department, which passes it to finance or returns it; a
    /// department responsible itself submits to finance; finance's performance division verifies (核实通过) or returns it. 延期 and
    /// 撤销 are finance's acts outside the chain (<see cref="Rectifications.Rectification"/>).
    /// </summary>
    public static readonly ReviewChain<RectificationState, RectificationAction> Rectification = new(
    [
        new(RectificationState.Pending, RectificationAction.Submit, Filler, RectificationState.Submitted, TargetSubject.Project),
        new(RectificationState.InProgress, RectificationAction.Submit, Filler, RectificationState.Submitted, TargetSubject.Project),
        new(RectificationState.Pending, RectificationAction.Submit, Filler, RectificationState.Verifying, TargetSubject.Department),
        new(RectificationState.InProgress, RectificationAction.Submit, Filler, RectificationState.Verifying, TargetSubject.Department),
        new(RectificationState.Submitted, RectificationAction.Approve, Role.DepartmentReviewer, RectificationState.Verifying),
        new(RectificationState.Submitted, RectificationAction.Return, Role.DepartmentReviewer, RectificationState.InProgress),
        new(RectificationState.Verifying, RectificationAction.Accept, Role.PerformanceDivision, RectificationState.Done),
        new(RectificationState.Verifying, RectificationAction.Return, Role.PerformanceDivision, RectificationState.InProgress),
    ], r => r.State switch
    {
        RectificationState.Done or RectificationState.Cancelled => $"整改事项已{r.State.Label()}，不能再{r.Action.Label()}。",
        _ when r.Action == RectificationAction.Submit =>
            $"{r.Role.Label()}不能在“{r.State.Label()}”状态提交整改情况：只有{r.Filler.Label()}能提交待整改或整改中的事项。",
        _ when r.Reviewer is { } reviewer => $"当前状态“{r.State.Label()}”应由{reviewer.Label()}办理，{r.Role.Label()}不能{r.Action.Label()}。",
        _ => $"“{r.State.Label()}”的整改事项应由{r.Filler.Label()}填写并提交，{r.Role.Label()}不能{r.Action.Label()}。",
    });

    /// <param name="form">the form's name in messages (监控表, 自评表)</param>
    private static ReviewChain<FormState, FormAction> Form(string form) => new(
    [
        new(FormState.Pending, FormAction.Submit, Filler, FormState.Submitted, TargetSubject.Project),
        new(FormState.Returned, FormAction.Submit, Filler, FormState.Submitted, TargetSubject.Project),
        new(FormState.Pending, FormAction.Submit, Filler, FormState.DepartmentApproved, TargetSubject.Department, DivisionStep: true),
        new(FormState.Returned, FormAction.Submit, Filler, FormState.DepartmentApproved, TargetSubject.Department, DivisionStep: true),
        new(FormState.Pending, FormAction.Submit, Filler, FormState.DivisionApproved, TargetSubject.Department, DivisionStep: false),
        new(FormState.Returned, FormAction.Submit, Filler, FormState.DivisionApproved, TargetSubject.Department, DivisionStep: false),
        new(FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer, FormState.DepartmentApproved, DivisionStep: true),
        new(FormState.Submitted, FormAction.Approve, Role.DepartmentReviewer, FormState.DivisionApproved, DivisionStep: false),
        new(FormState.Submitted, FormAction.Return, Role.DepartmentReviewer, FormState.Returned),
        new(FormState.DepartmentApproved, FormAction.Approve, Role.BusinessDivision, FormState.DivisionApproved),
        new(FormState.DepartmentApproved, FormAction.Return, Role.BusinessDivision, FormState.Returned),
        new(FormState.DivisionApproved, FormAction.Approve, Role.PerformanceDivision, FormState.Approved),
        new(FormState.DivisionApproved, FormAction.Return, Role.PerformanceDivision, FormState.Returned),
    ], r => r.State switch
    {
        FormState.Approved => $"{form}已审核，不能再{r.Action.Label()}。",
        _ when r.Action == FormAction.Submit =>
            $"{r.Role.Label()}不能在“{r.State.Label()}”状态提交{form}：只有{r.Filler.Label()}能提交待填报或被退回的{form}。",
        _ when r.Reviewer is { } reviewer => $"当前状态“{r.State.Label()}”应由{reviewer.Label()}审核，{r.Role.Label()}不能{r.Action.Label()}。",
        _ => $"“{r.State.Label()}”的{form}不能{r.Action.Label()}（{r.Role.Label()}）。",
    });

    private static string TargetRefusal(Refused<TargetState, ReviewAction> r)
    {
        var who = r.Role.Label();
        return r.State switch
        {
            TargetState.Approved when r.Action == ReviewAction.Adjust =>
                $"{who}不能申请调整{r.Subject.Label()}：只有{r.Filler.Label()}申请调整，或{Role.PerformanceDivision.Label()}要求调整。",
            TargetState.Approved =>
                $"{r.Subject.Label()}已批复并锁定，不能{r.Action.Label()}；如需变更，请由{r.Filler.Label()}“申请调整”生成新版本。",
            TargetState.Superseded => $"这是已被新版本替代的历史版本，只能查看，不能{r.Action.Label()}。",
            TargetState.Rejected => $"该版本审核为“差”，不得进入预算编制，不能再{r.Action.Label()}。",
            _ when r.Action == ReviewAction.Submit =>
                $"{who}不能在“{r.State.Label()}”状态提交{r.Subject.Label()}：只有{r.Filler.Label()}能提交草稿或被退回的目标。",
            _ when r.Action == ReviewAction.Adjust => $"只有已批复的目标才能申请调整，当前状态为“{r.State.Label()}”。",
            _ when r.Reviewer is { } reviewer =>
                r.Action == ReviewAction.Reject && r.State == TargetState.Submitted
                    ? "主管部门初审只能通过或退回；“差”由财政审核认定。"
                    : $"当前状态“{r.State.Label()}”应由{reviewer.Label()}审核，{who}不能{r.Action.Label()}。",
            _ => $"“{r.State.Label()}”状态的{r.Subject.Label()}不能{r.Action.Label()}（{who}）。",
        };
    }
}
