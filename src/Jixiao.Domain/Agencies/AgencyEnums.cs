namespace Jixiao.Domain.Agencies;

/// <summary>机构类型 of a third-party agency (第三方机构).</summary>
public enum AgencyType
{
    [Label("咨询机构")] Consulting = 1,
    [Label("会计师事务所")] AccountingFirm = 2,
    [Label("资产评估机构")] AssetAppraisal = 3,
    [Label("律师事务所")] LawFirm = 4,
    [Label("科研院所")] ResearchInstitute = 5,
    [Label("高校")] University = 6,
}

/// <summary>Whether an agency may be drawn: 在库, 暂停 or 黑名单 (with reason and period).</summary>
public enum AgencyStatus
{
    [Label("在库")] Active = 1,
    [Label("暂停")] Suspended = 2,
    [Label("黑名单")] Blacklisted = 3,
}

/// <summary>Who put a conflict of interest on record: the agency itself, or finance from what it knows (年审、咨询合同…).</summary>
public enum ConflictSource
{
    [Label("机构申报")] Declared = 1,
    [Label("财政登记")] Recorded = 2,
}

/// <summary>The yearly rating's grade (第三方评价报告质量考核结果).</summary>
public enum AgencyGrade
{
    [Label("优秀")] Excellent = 1,
    [Label("良好")] Good = 2,
    [Label("合格")] Pass = 3,
    [Label("不合格")] Fail = 4,
}
