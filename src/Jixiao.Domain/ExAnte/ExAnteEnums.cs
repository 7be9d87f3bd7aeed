namespace Jixiao.Domain.ExAnte;

/// <summary>What is evaluated: a project, or a policy (its five dimensions differ, DOMAIN.md §4.1).</summary>
public enum ExAnteVariant
{
    [Label("项目")] Project = 1,
    [Label("政策")] Policy = 2,
}

/// <summary>Where an evaluation stands (the library's status is <see cref="ExAnteStatus"/>, derived from it and the conclusion).</summary>
public enum ExAnteState
{
    /// <summary>Waiting for the unit's (or department's) own assessment, or returned to it for more.</summary>
    [Label("待单位申报")] Pending = 1,
    /// <summary>The unit's report is in; finance assesses (itself, by a panel or an agency).</summary>
    [Label("财政评估中")] Assessing = 2,
    [Label("已出结论")] Concluded = 3,
    /// <summary>调整完善后予以支持: the unit's revised application waits for finance.</summary>
    [Label("修改稿待确认")] RevisionSubmitted = 4,
    [Label("修改稿已确认")] RevisionAccepted = 5,
}

/// <summary>评估结论 (DOMAIN.md §4.1).</summary>
public enum ExAnteConclusion
{
    [Label("予以支持")] Support = 1,
    [Label("调整完善后予以支持")] SupportAfterRevision = 2,
    [Label("不予支持")] Reject = 3,
}

/// <summary>Who did finance's assessment.</summary>
public enum ExAnteRoute
{
    [Label("财政自行评估")] Finance = 1,
    [Label("专家评审")] Panel = 2,
    [Label("委托第三方机构")] Engagement = 3,
}

/// <summary>The status the project library shows for a project.</summary>
public enum ExAnteStatus
{
    [Label("无需评估")] NotRequired = 0,
    [Label("待评估")] Pending = 1,
    [Label("评估中")] Assessing = 2,
    [Label("予以支持")] Supported = 3,
    [Label("调整完善后予以支持")] SupportedAfterRevision = 4,
    [Label("不予支持")] Rejected = 5,
}

/// <summary>What an initial approval above the suggested cap (建议预算控制数) meets.</summary>
public enum CapMode
{
    [Label("拒绝")] Refuse = 1,
    [Label("警示后允许")] Warn = 2,
}
