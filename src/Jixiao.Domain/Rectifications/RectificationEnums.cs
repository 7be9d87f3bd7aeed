namespace Jixiao.Domain.Rectifications;

/// <summary>Where a rectification item's problem was found (DOMAIN.md §4.6: every finding becomes an item).</summary>
public enum RectificationSource
{
    /// <summary>A monitoring return whose project light is red (监控红灯).</summary>
    [Label("监控红灯")] Monitoring = 1,
    /// <summary>An approved self-evaluation with indicators not met or a grade below 良.</summary>
    [Label("单位自评")] SelfEvaluation = 2,
    /// <summary>A self-evaluation the spot check found 失真.</summary>
    [Label("抽查失真")] SpotCheck = 3,
    [Label("部门评价")] DepartmentEvaluation = 4,
    [Label("财政重点评价")] KeyEvaluation = 5,
    /// <summary>An ex-ante conclusion of 调整完善后予以支持 or 不予支持.</summary>
    [Label("事前评估")] ExAnte = 6,
    /// <summary>Raised by hand (an inspection, an audit, a 人大 opinion …), with the basis written down.</summary>
    [Label("其他（手工登记）")] Manual = 7,
}

/// <summary>
/// Where a rectification item stands. 逾期 is not a state: an item the responsible side has not handed to finance by its deadline is
/// overdue (<see cref="Rectification.IsOverdue"/>), whatever step it is at.
/// </summary>
public enum RectificationState
{
    /// <summary>Raised; the responsible unit has written nothing yet.</summary>
    [Label("待整改")] Pending = 1,
    /// <summary>The unit is writing its reply, or the reply was returned (by the department or by finance) with a reason.</summary>
    [Label("整改中")] InProgress = 2,
    /// <summary>The unit has submitted its reply; its department reviews it.</summary>
    [Label("待主管部门审核")] Submitted = 3,
    /// <summary>The department has passed the reply (or submitted its own): finance verifies it.</summary>
    [Label("待核实")] Verifying = 4,
    [Label("已完成")] Done = 5,
    /// <summary>Withdrawn by finance with a reason (raised in error, or overtaken by another item).</summary>
    [Label("已撤销")] Cancelled = 6,
}

/// <summary>What a user does to a rectification item.</summary>
public enum RectificationAction
{
    [Label("提交整改情况")] Submit = 1,
    [Label("审核通过")] Approve = 2,
    [Label("退回")] Return = 3,
    /// <summary>Finance's verification: the rectification is done.</summary>
    [Label("核实通过")] Accept = 4,
    [Label("延期")] Extend = 5,
    [Label("撤销")] Cancel = 6,
    [Label("登记")] Raise = 7,
}
