namespace Jixiao.Domain.Targets;

/// <summary>What a set of targets belongs to.</summary>
public enum TargetSubject
{
    /// <summary>项目绩效目标, filled by the unit.</summary>
    [Label("项目绩效目标")]
    Project = 1,
    /// <summary>部门整体绩效目标, filled by the department.</summary>
    [Label("部门整体绩效目标")]
    Department = 2,
}

/// <summary>Where a version of targets is in the review chain (DOMAIN.md §4.2).</summary>
public enum TargetState
{
    /// <summary>草稿: being written by the filler.</summary>
    [Label("草稿")]
    Draft = 1,
    [Label("待主管部门审核")]
    Submitted = 2,
    /// <summary>待财政业务股室审核 (the department has passed it, or a department submitted its own).</summary>
    [Label("待业务股室审核")]
    DepartmentApproved = 3,
    [Label("待绩效股终审")]
    DivisionApproved = 4,
    /// <summary>已批复: locked, issued with the budget.</summary>
    [Label("已批复")]
    Approved = 5,
    /// <summary>被退回: back with the filler, with a reason.</summary>
    [Label("被退回")]
    Returned = 6,
    /// <summary>审核为“差”：不得进入预算编制.</summary>
    [Label("审核不通过（差）")]
    Rejected = 7,
    /// <summary>已被新版本替代: an approved version after an adjustment was approved. Readable, never changed.</summary>
    [Label("已被新版本替代")]
    Superseded = 8,
}

/// <summary>What a user does to a version of targets.</summary>
public enum ReviewAction
{
    [Label("提交")]
    Submit = 1,
    /// <summary>审核通过 (grade 优 or 良)</summary>
    [Label("审核通过")]
    Approve = 2,
    /// <summary>退回修改 (grade 中), with a reason</summary>
    [Label("退回修改")]
    Return = 3,
    /// <summary>审核不通过 (grade 差): cannot enter budget compilation</summary>
    [Label("审核不通过")]
    Reject = 4,
    /// <summary>申请调整: opens a new version of approved targets</summary>
    [Label("申请调整")]
    Adjust = 5,
    /// <summary>财政完善 (grade 良): a finance reviewer edits the targets in its queue before passing them</summary>
    [Label("财政完善")]
    Refine = 6,
}

/// <summary>审核结果等级 (DOMAIN.md §4.2).</summary>
public enum ReviewGrade
{
    /// <summary>优: proceeds</summary>
    [Label("优")]
    Excellent = 1,
    /// <summary>良: finance may refine, then proceeds</summary>
    [Label("良")]
    Good = 2,
    /// <summary>中: the unit revises and resubmits</summary>
    [Label("中")]
    Fair = 3,
    /// <summary>差: cannot enter budget compilation</summary>
    [Label("差")]
    Poor = 4,
}

/// <summary>取值依据</summary>
public enum ValueBasis
{
    [Label("计划标准")]
    Plan = 1,
    [Label("行业标准")]
    Industry = 2,
    [Label("历史标准")]
    History = 3,
    [Label("预算支出标准")]
    BudgetStandard = 4,
    [Label("其他标准")]
    Other = 5,
}
