namespace Jixiao.Domain.Targets;

/// <summary>What a set of targets belongs to.</summary>
public enum TargetSubject
{
    /// <summary>项目绩效目标, filled by the unit.</summary>
    Project = 1,
    /// <summary>部门整体绩效目标, filled by the department.</summary>
    Department = 2,
}

/// <summary>Where a version of targets is in the review chain (DOMAIN.md §4.2).</summary>
public enum TargetState
{
    /// <summary>草稿: being written by the filler.</summary>
    Draft = 1,
    /// <summary>待主管部门审核</summary>
    Submitted = 2,
    /// <summary>待财政业务股室审核 (the department has passed it, or a department submitted its own).</summary>
    DepartmentApproved = 3,
    /// <summary>待绩效股终审</summary>
    DivisionApproved = 4,
    /// <summary>已批复: locked, issued with the budget.</summary>
    Approved = 5,
    /// <summary>被退回: back with the filler, with a reason.</summary>
    Returned = 6,
    /// <summary>审核为“差”：不得进入预算编制.</summary>
    Rejected = 7,
    /// <summary>已被新版本替代: an approved version after an adjustment was approved. Readable, never changed.</summary>
    Superseded = 8,
}

/// <summary>What a user does to a version of targets.</summary>
public enum ReviewAction
{
    /// <summary>提交</summary>
    Submit = 1,
    /// <summary>审核通过 (grade 优 or 良)</summary>
    Approve = 2,
    /// <summary>退回修改 (grade 中), with a reason</summary>
    Return = 3,
    /// <summary>审核不通过 (grade 差): cannot enter budget compilation</summary>
    Reject = 4,
    /// <summary>申请调整: opens a new version of approved targets</summary>
    Adjust = 5,
    /// <summary>财政完善 (grade 良): a finance reviewer edits the targets in its queue before passing them</summary>
    Refine = 6,
}

/// <summary>审核结果等级 (DOMAIN.md §4.2).</summary>
public enum ReviewGrade
{
    /// <summary>优: proceeds</summary>
    Excellent = 1,
    /// <summary>良: finance may refine, then proceeds</summary>
    Good = 2,
    /// <summary>中: the unit revises and resubmits</summary>
    Fair = 3,
    /// <summary>差: cannot enter budget compilation</summary>
    Poor = 4,
}

/// <summary>取值依据</summary>
public enum ValueBasis
{
    /// <summary>计划标准</summary>
    Plan = 1,
    /// <summary>行业标准</summary>
    Industry = 2,
    /// <summary>历史标准</summary>
    History = 3,
    /// <summary>预算支出标准</summary>
    BudgetStandard = 4,
    /// <summary>其他标准</summary>
    Other = 5,
}

public static class TargetLabels
{
    public static string Label(this TargetSubject s) => s switch
    {
        TargetSubject.Project => "项目绩效目标",
        TargetSubject.Department => "部门整体绩效目标",
        _ => s.ToString(),
    };

    public static string Label(this TargetState s) => s switch
    {
        TargetState.Draft => "草稿",
        TargetState.Submitted => "待主管部门审核",
        TargetState.DepartmentApproved => "待业务股室审核",
        TargetState.DivisionApproved => "待绩效股终审",
        TargetState.Approved => "已批复",
        TargetState.Returned => "被退回",
        TargetState.Rejected => "审核不通过（差）",
        TargetState.Superseded => "已被新版本替代",
        _ => s.ToString(),
    };

    public static string Label(this ReviewAction a) => a switch
    {
        ReviewAction.Submit => "提交",
        ReviewAction.Approve => "审核通过",
        ReviewAction.Return => "退回修改",
        ReviewAction.Reject => "审核不通过",
        ReviewAction.Adjust => "申请调整",
        ReviewAction.Refine => "财政完善",
        _ => a.ToString(),
    };

    public static string Label(this ReviewGrade g) => g switch
    {
        ReviewGrade.Excellent => "优",
        ReviewGrade.Good => "良",
        ReviewGrade.Fair => "中",
        ReviewGrade.Poor => "差",
        _ => g.ToString(),
    };

    public static string Label(this ValueBasis b) => b switch
    {
        ValueBasis.Plan => "计划标准",
        ValueBasis.Industry => "行业标准",
        ValueBasis.History => "历史标准",
        ValueBasis.BudgetStandard => "预算支出标准",
        ValueBasis.Other => "其他标准",
        _ => b.ToString(),
    };
}
