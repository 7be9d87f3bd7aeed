namespace Jixiao.Web.Features.Audit;

/// <summary>
/// The Chinese names of every audited entity type and its fields, as the audit page and export show them (the records keep
/// the C# names their hash covers). A field is named by its type's table, else by <see cref="Shared"/>.
/// </summary>
public static class AuditNames
{
    public sealed record Entity(string Name, IReadOnlyDictionary<string, string> Fields);

    /// <summary>Fields that mean the same on every type that has them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Shared = new Dictionary<string, string>
    {
        ["Id"] = "编号", ["RegionCode"] = "区划", ["FiscalYear"] = "预算年度", ["CreatedAtUtc"] = "创建时间", ["UpdatedAtUtc"] = "更新时间",
        ["Name"] = "名称", ["Code"] = "代码", ["UserId"] = "用户", ["UserName"] = "用户名", ["OrgUnitId"] = "单位", ["ProjectId"] = "项目",
        ["DepartmentId"] = "主管部门", ["TargetId"] = "绩效目标", ["Amount"] = "金额", ["Date"] = "日期", ["DocumentNo"] = "文号",
        ["Reason"] = "原因", ["State"] = "状态", ["Status"] = "状态", ["Subject"] = "目标类型", ["Row"] = "行号", ["Level1"] = "一级指标",
        ["Level2"] = "二级指标", ["Unit"] = "计量单位", ["Comparison"] = "指标性质", ["TargetValue"] = "年度指标值", ["Explanation"] = "说明",
        ["Direction"] = "指标方向", ["Weight"] = "分值", ["IsActive"] = "启用", ["Summary"] = "摘要", ["Version"] = "版本",
        ["Seq"] = "步骤序号", ["Action"] = "操作", ["AtUtc"] = "时间", ["FromState"] = "原状态", ["ToState"] = "新状态", ["Role"] = "角色",
        ["Opinion"] = "意见", ["Light"] = "预警灯", ["Outcome"] = "定性完成情况", ["Actual"] = "实际完成值", ["ClientAddress"] = "来源地址",
        ["CounterpartProjectId"] = "对方项目", ["Executed"] = "执行数", ["AnnualGoal"] = "年度目标", ["ExecutionExplanation"] = "执行情况说明",
        ["TaskId"] = "监控任务", ["EvaluationId"] = "自评表", ["UpdatedBy"] = "修改人", ["Kind"] = "类型", ["FilledAtUtc"] = "填报时间",
        ["LoginProvider"] = "登录方式", ["ScoringStandard"] = "评分标准", ["Sector"] = "行业领域",
    };

    public static readonly IReadOnlyDictionary<string, Entity> Entities = new Dictionary<string, Entity>
    {
        ["Region"] = new("区划", new Dictionary<string, string> { ["Code"] = "区划代码", ["Level"] = "级别", ["ParentCode"] = "上级区划" }),
        ["FiscalYear"] = new("预算年度", new Dictionary<string, string> { ["Year"] = "年度" }),
        ["OrgUnit"] = new("机构", new Dictionary<string, string> { ["Kind"] = "机构类型", ["DivisionKind"] = "股室类型", ["ParentId"] = "上级机构" }),
        ["DivisionAssignment"] = new("股室归口", new Dictionary<string, string> { ["DivisionId"] = "业务股室" }),
        ["AppUser"] = new("用户", new Dictionary<string, string>
        {
            ["DisplayName"] = "姓名", ["OrgUnitId"] = "所属机构", ["AgencyId"] = "所属第三方机构", ["ExpertId"] = "对应专家", ["AccessFailedCount"] = "连续登录失败次数", ["LockoutEnd"] = "锁定截止时间",
            ["PasswordHash"] = "密码", ["PasswordChangedAtUtc"] = "密码修改时间", ["PasswordSetByAdministrator"] = "密码由管理员设置",
            ["TotpSecret"] = "动态口令密钥", ["TwoFactorEnabled"] = "双因素认证", ["UserName"] = "登录名",
            ["ConcurrencyStamp"] = "并发标记", ["SecurityStamp"] = "安全标记", ["NormalizedUserName"] = "规范化登录名", ["Email"] = "电子邮箱",
            ["NormalizedEmail"] = "规范化电子邮箱", ["EmailConfirmed"] = "邮箱已验证", ["PhoneNumber"] = "电话", ["PhoneNumberConfirmed"] = "电话已验证",
            ["LockoutEnabled"] = "允许锁定",
        }),
        ["UserRoleAssignment"] = new("用户角色", new Dictionary<string, string>()),
        ["ApiToken"] = new("API 令牌", new Dictionary<string, string>
        {
            ["ExpiresAtUtc"] = "到期时间", ["Prefix"] = "令牌前缀", ["RevokedAtUtc"] = "吊销时间", ["RevokedReason"] = "吊销原因", ["TokenHash"] = "令牌",
        }),
        ["UserSession"] = new("登录会话", new Dictionary<string, string>
        {
            ["EndReason"] = "结束原因", ["EndedAtUtc"] = "结束时间", ["KeyHash"] = "会话密钥", ["LastSeenAtUtc"] = "最近活动时间", ["UserAgent"] = "浏览器",
        }),
        ["PasswordHistoryEntry"] = new("历史密码", new Dictionary<string, string> { ["PasswordHash"] = "密码", ["ReplacedAtUtc"] = "停用时间" }),
        ["RecoveryCode"] = new("恢复码", new Dictionary<string, string> { ["CodeHash"] = "恢复码", ["UsedAtUtc"] = "使用时间" }),
        ["SecuritySetting"] = new("安全设置", new Dictionary<string, string>
        {
            ["FinanceTwoFactor"] = "财政人员须双因素认证", ["PasswordExpiryDays"] = "密码有效期（天）",
        }),
        ["IdentityUserClaim`1"] = new("用户声明", new Dictionary<string, string> { ["ClaimType"] = "声明类型", ["ClaimValue"] = "声明值" }),
        ["IdentityUserLogin`1"] = new("外部登录", new Dictionary<string, string> { ["ProviderKey"] = "外部账号", ["ProviderDisplayName"] = "外部登录名称" }),
        ["IdentityUserToken`1"] = new("用户令牌", new Dictionary<string, string> { ["Value"] = "令牌值" }),
        ["Project"] = new("项目", new Dictionary<string, string>
        {
            ["Code"] = "项目代码", ["Name"] = "项目名称", ["BudgetKind"] = "预算类型", ["Category"] = "项目类别", ["EndYear"] = "结束年度",
            ["EstablishedOn"] = "立项日期", ["IsPool"] = "待分资金", ["Level"] = "项目级次", ["ParentId"] = "上级项目", ["Recurrence"] = "经常性/一次性",
            ["StartYear"] = "开始年度", ["Status"] = "项目库状态", ["Tags"] = "资金标签", ["Transfer"] = "转移支付",
            ["RequestedAmount"] = "申报金额", ["MajorPolicy"] = "重大政策",
        }),
        ["LedgerMovement"] = new("指标变动", new Dictionary<string, string> { ["Kind"] = "变动类型" }),
        ["Payment"] = new("支付", new Dictionary<string, string>()),
        ["BudgetLink"] = new("预算挂钩建议", new Dictionary<string, string>
        {
            ["FiscalYear"] = "预算年度（下年度）", ["ProposalProjectId"] = "下年度项目", ["BasisProjectId"] = "本年度项目", ["Grade"] = "评价等级", ["Score"] = "评价得分",
            ["Basis"] = "评价依据", ["BasisYear"] = "评价年度", ["BasisTitle"] = "评价名称", ["Distorted"] = "自评失真", ["OpenRectifications"] = "未完成整改数",
            ["Requested"] = "申报数", ["CurrentBudget"] = "本年预算数", ["SuggestedAction"] = "建议处理", ["SuggestedBudget"] = "建议安排数",
            ["SuggestedThisYear"] = "建议本年处理", ["SuggestedThisYearAmount"] = "建议本年金额", ["SuggestedAtUtc"] = "建议时间", ["DecidedAction"] = "决定处理",
            ["DecidedBudget"] = "决定安排数", ["DecidedThisYear"] = "决定本年处理", ["DecidedThisYearAmount"] = "决定本年金额", ["Reason"] = "调整理由",
            ["DecidedBy"] = "决定人", ["DecidedAtUtc"] = "决定时间", ["CorrectiveActionId"] = "本年整改措施",
        }),
        ["BudgetLinkSetting"] = new("预算挂钩规则", new Dictionary<string, string>
        {
            ["FairReducePercent"] = "“中”调减比例", ["PoorReducePercent"] = "“差”调减比例", ["CancelPoor"] = "“差”取消安排", ["SuspendPoor"] = "“差”暂缓拨付",
            ["RecoverBelowPercent"] = "收回闲置资金的执行率", ["BlockIncrease"] = "失真或整改未完成不得增加",
        }),
        ["PublicationBatch"] = new("公开批次", new Dictionary<string, string>
        {
            ["Kind"] = "公开内容", ["Title"] = "批次名称", ["Items"] = "公开条数", ["PublishedOn"] = "公开日期", ["PublishedBy"] = "发布人",
            ["PublishedAtUtc"] = "发布时间",
        }),
        ["PublishedItem"] = new("公开内容", new Dictionary<string, string>
        {
            ["BatchId"] = "公开批次", ["Kind"] = "公开内容", ["SourceKey"] = "公开对象", ["SourceId"] = "公开的表单", ["Version"] = "版本", ["Code"] = "编码",
            ["Title"] = "名称", ["DepartmentCode"] = "主管部门编码", ["Department"] = "主管部门", ["Unit"] = "单位", ["Category"] = "项目类别", ["Amount"] = "金额",
            ["Summary"] = "摘要", ["Content"] = "公开内容（JSON）", ["PublishedOn"] = "公开日期",
        }),
        ["Withholding"] = new("不公开", new Dictionary<string, string>
        {
            ["Kind"] = "公开内容", ["SourceKey"] = "公开对象", ["Reason"] = "不公开理由", ["Note"] = "说明", ["By"] = "决定人", ["AtUtc"] = "决定时间",
        }),
        ["DisclosureSetting"] = new("信息公开设置", new Dictionary<string, string> { ["Reasons"] = "不公开理由清单" }),
        ["PaymentHold"] = new("暂缓拨付", new Dictionary<string, string>
        {
            ["From"] = "暂缓开始日期", ["Amount"] = "暂缓金额", ["CorrectiveActionId"] = "整改措施", ["HeldBy"] = "决定人", ["ReleasedOn"] = "解除日期",
            ["ReleaseReason"] = "解除理由", ["ReleasedBy"] = "解除人",
        }),
        ["ProjectTotals"] = new("项目汇总", new Dictionary<string, string>
        {
            ["Adjusted"] = "全年预算", ["Initial"] = "年初预算", ["LatestDate"] = "最近变动日期",
        }),
        ["ProjectListVersion"] = new("项目清单版本", new Dictionary<string, string>()),
        ["PerformanceTarget"] = new("绩效目标", new Dictionary<string, string>
        {
            ["ApprovedAtUtc"] = "批复时间", ["OverallGoal"] = "总体目标", ["SubjectKey"] = "目标对象",
        }),
        ["TargetIndicator"] = new("绩效指标", new Dictionary<string, string>
        {
            ["Basis"] = "取值依据", ["LibraryEntryId"] = "指标库条目", ["Name"] = "三级指标", ["Explanation"] = "指标解释",
        }),
        ["ReviewStep"] = new("目标审核记录", new Dictionary<string, string> { ["Grade"] = "审核等级", ["UserName"] = "审核人" }),
        ["IndicatorFrameSetting"] = new("指标框架设置", new Dictionary<string, string> { ["CustomText"] = "自定义框架", ["FrameCode"] = "指标框架" }),
        ["IndicatorLibraryEntry"] = new("指标库条目", new Dictionary<string, string>
        {
            ["Kind"] = "指标类别", ["Status"] = "入库状态", ["DecidedBy"] = "审定人", ["DecisionNote"] = "审定意见", ["ExampleValue"] = "指标值示例",
            ["Name"] = "三级指标", ["OriginProjectId"] = "来源项目", ["OriginRegion"] = "来源区划", ["OriginYear"] = "来源年度", ["ProposedBy"] = "申请人",
            ["Explanation"] = "指标解释",
        }),
        ["MonitoringRound"] = new("监控任务批次", new Dictionary<string, string>
        {
            ["ClosedAtUtc"] = "结束时间", ["CutOff"] = "数据截至", ["Deadline"] = "填报截止", ["Month"] = "监控月份", ["OpenedAtUtc"] = "下达时间",
            ["Title"] = "标题",
        }),
        ["MonitoringTask"] = new("监控表", new Dictionary<string, string>
        {
            ["Budget"] = "全年预算", ["ExecutionCause"] = "执行偏差原因", ["ExecutionLight"] = "执行预警灯", ["ExecutionMeasures"] = "执行改进措施",
            ["ExpectedExecution"] = "预计全年执行数", ["IsKey"] = "重点项目", ["LightReason"] = "预警说明", ["RoundId"] = "监控批次",
        }),
        ["ReturnRow"] = new("监控指标", new Dictionary<string, string>
        {
            ["Actual"] = "截至目前完成值", ["Cause"] = "偏差原因", ["Expected"] = "全年预计完成值", ["Likelihood"] = "完成目标可能性",
            ["Measures"] = "改进措施", ["Name"] = "三级指标", ["Explanation"] = "偏差原因说明",
        }),
        ["FormStep"] = new("监控与自评审核记录", new Dictionary<string, string> { ["UserName"] = "审核人" }),
        ["CorrectiveAction"] = new("纠偏措施", new Dictionary<string, string>
        {
            ["Kind"] = "措施类型", ["RecordedAtUtc"] = "登记时间", ["RecordedBy"] = "登记人", ["TargetVersion"] = "目标版本",
        }),
        ["WarningRuleSetting"] = new("预警规则", new Dictionary<string, string>
        {
            ["ExecutionMode"] = "执行预警方式", ["GapRed"] = "差距红灯线", ["GapYellow"] = "差距黄灯线", ["IndicatorBlue"] = "指标蓝灯线",
            ["IndicatorRed"] = "指标红灯线", ["IndicatorYellow"] = "指标黄灯线", ["RatioRed"] = "比值红灯线", ["RatioYellow"] = "比值黄灯线",
        }),
        ["WorkflowSetting"] = new("审核流程设置", new Dictionary<string, string>
        {
            ["DocumentPrefix"] = "文号前缀", ["FormDivisionStep"] = "监控与自评经业务股室审核",
            ["TargetDeadline"] = "目标申报截止日期", ["SelfEvaluationDeadline"] = "自评截止日期", ["NoticeDaysBefore"] = "提前提醒天数",
        }),
        ["DocumentCounter"] = new("文号计数", new Dictionary<string, string> { ["Last"] = "已用序号" }),
        ["SelfEvaluation"] = new("绩效自评表", new Dictionary<string, string>
        {
            ["AdjustedBudget"] = "全年预算数", ["ExecutionScore"] = "预算执行率得分", ["ExecutionWeight"] = "预算执行率分值",
            ["ExecutionWeightReason"] = "分值调整理由", ["GoalCompletion"] = "年度总体目标完成情况", ["InitialBudget"] = "年初预算数",
            ["LedgerAdjustedBudget"] = "账面全年预算数", ["LedgerExecuted"] = "账面执行数", ["MaxScore"] = "满分",
            ["ReferenceExecutionScore"] = "参考预算执行率得分", ["ReferenceExecutionWeight"] = "参考预算执行率分值", ["ReferenceGrade"] = "参考等级",
            ["ReferenceTotal"] = "参考总分", ["TargetVersion"] = "目标版本", ["Total"] = "总分",
        }),
        ["SelfEvaluationRow"] = new("自评指标", new Dictionary<string, string>
        {
            ["ActualProblem"] = "实际完成值问题", ["Attainment"] = "达成情况", ["Completion"] = "完成比", ["Name"] = "三级指标",
            ["Reason"] = "偏差原因分析及改进措施", ["ReferenceScore"] = "参考得分", ["ReferenceWeight"] = "参考分值", ["Score"] = "得分",
            ["TargetWeight"] = "目标分值", ["WeightBasis"] = "分值依据",
        }),
        ["EvaluationFinding"] = new("自评校验提示", new Dictionary<string, string> { ["Blocking"] = "阻止提交", ["Kind"] = "问题类型", ["Message"] = "提示内容" }),
        ["EvaluationWeightSetting"] = new("自评分值设置", new Dictionary<string, string>
        {
            ["Benefit"] = "效益指标分值", ["Cost"] = "成本指标分值", ["DistortionGap"] = "失真差距", ["Execution"] = "预算执行率分值",
            ["IndicatorWeight"] = "指标权重", ["Output"] = "产出指标分值", ["OverAchievementPercent"] = "超额完成提示线（%）",
            ["QualityWeight"] = "质量权重", ["ReferenceGap"] = "参考分差距提示线", ["ReverseVocabulary"] = "反向指标词",
            ["Satisfaction"] = "满意度指标分值", ["Total"] = "总分",
        }),
        ["SpotCheckDraw"] = new("自评抽查", new Dictionary<string, string>
        {
            ["Algorithm"] = "抽取算法", ["Count"] = "抽取个数", ["DrawnAtUtc"] = "抽取时间", ["DrawnBy"] = "抽取人", ["EligibleCount"] = "可抽数",
            ["MaxAmount"] = "金额上限", ["MinAmount"] = "金额下限", ["MustInclude"] = "必抽项目", ["Ratio"] = "抽取比例", ["Seed"] = "随机种子",
            ["Size"] = "抽取数",
        }),
        ["SpotCheckItem"] = new("抽查项目", new Dictionary<string, string>
        {
            ["DrawId"] = "抽查批次", ["Distorted"] = "自评失真", ["Gap"] = "差距", ["IndicatorScore"] = "指标得分", ["MustInclude"] = "必抽",
            ["QualityScore"] = "质量得分", ["ReviewExplanation"] = "复核说明", ["ReviewScore"] = "复核得分", ["ReviewedAtUtc"] = "复核时间",
            ["ReviewedBy"] = "复核人",
        }),
        ["EvidenceFile"] = new("附件", new Dictionary<string, string>
        {
            ["DeletedAtUtc"] = "删除时间", ["FileName"] = "文件名", ["Kind"] = "文件类型", ["Note"] = "说明", ["OwnerId"] = "所属记录",
            ["OwnerKind"] = "所属类型", ["Sha256"] = "文件指纹", ["Size"] = "大小（字节）", ["UploadedAtUtc"] = "上传时间", ["UploadedById"] = "上传人",
            ["UploadedByName"] = "上传人姓名",
        }),
        ["EvidenceChunk"] = new("附件内容块", new Dictionary<string, string> { ["Bytes"] = "内容", ["FileId"] = "附件", ["Index"] = "序号" }),
        ["ImportBatch"] = new("导入批次", new Dictionary<string, string>
        {
            ["CommittedAtUtc"] = "导入时间", ["Content"] = "文件内容", ["FileName"] = "文件名", ["Kind"] = "导入类型", ["Sha256"] = "文件指纹",
            ["Status"] = "导入状态", ["UserName"] = "上传人",
        }),
        ["Agency"] = new("第三方机构", new Dictionary<string, string>
        {
            ["Address"] = "地址", ["ContactEmail"] = "联系邮箱", ["ContactPerson"] = "联系人", ["ContactPhone"] = "联系电话",
            ["CreditCode"] = "统一社会信用代码", ["StaffCount"] = "从业人数", ["StatusFrom"] = "状态起始日", ["StatusReason"] = "状态原因",
            ["StatusTo"] = "状态截止日", ["Type"] = "机构类型",
        }),
        ["AgencyConflict"] = new("机构利益冲突", new Dictionary<string, string>
        {
            ["AgencyId"] = "第三方机构", ["From"] = "起始日", ["Note"] = "说明", ["Source"] = "来源", ["To"] = "截止日",
        }),
        ["AgencyQualification"] = new("机构资质", new Dictionary<string, string>
        {
            ["AgencyId"] = "第三方机构", ["Certificate"] = "资质证明", ["Scope"] = "委托范围",
        }),
        ["AgencyRating"] = new("机构年度评级", new Dictionary<string, string>
        {
            ["AgencyId"] = "第三方机构", ["Grade"] = "等级", ["Score"] = "得分", ["Year"] = "年度",
        }),
        ["Expert"] = new("评审专家", new Dictionary<string, string>
        {
            ["AvoidOrgUnitIds"] = "回避单位", ["AvoidPersons"] = "回避人员", ["Email"] = "电子邮箱", ["Fields"] = "行业领域",
            ["Organisation"] = "工作单位", ["Phone"] = "联系电话", ["StatusReason"] = "状态原因", ["Title"] = "职称",
        }),
        ["Engagement"] = new("委托", new Dictionary<string, string>
        {
            ["AgencyId"] = "第三方机构", ["AgencyName"] = "机构名称", ["ContractNo"] = "合同编号", ["DrawSeed"] = "抽签种子",
            ["DrawnAtUtc"] = "抽签时间", ["DrawnBy"] = "抽签人", ["DueOn"] = "完成日期", ["Fee"] = "委托费用", ["Procurement"] = "采购方式",
            ["ReportScore"] = "报告质量得分", ["ReportScoreExplanation"] = "报告质量得分计算", ["ReportScoredAtUtc"] = "报告考核时间",
            ["ReportScoredBy"] = "报告考核人", ["ReportScores"] = "报告质量各项得分",
            ["Revision"] = "修订号", ["Scope"] = "委托范围", ["StartOn"] = "开始日期", ["Title"] = "委托名称",
        }),
        ["EngagementSetting"] = new("第三方委托设置", new Dictionary<string, string>
        {
            ["MaxOpenEngagements"] = "在办委托上限", ["MinRating"] = "入选最低评级分", ["QualityWeight"] = "报告质量权重",
            ["ReportForm"] = "报告质量考核表", ["Stages"] = "成果阶段", ["TimelinessWeight"] = "按时完成权重",
        }),
        ["EngagementSubject"] = new("评价对象", new Dictionary<string, string> { ["EngagementId"] = "委托" }),
        ["DrawEntry"] = new("抽签记录", new Dictionary<string, string>
        {
            ["AgencyId"] = "第三方机构", ["AgencyName"] = "机构名称", ["EngagementId"] = "委托", ["Exclusions"] = "不符合条件的原因",
            ["Number"] = "抽签号", ["OutcomeReason"] = "放弃或排除原因", ["Rank"] = "顺序",
        }),
        ["DeliverableStage"] = new("成果阶段", new Dictionary<string, string>
        {
            ["ConfirmedAtUtc"] = "三方确认时间", ["DueOn"] = "截止日期", ["EngagementId"] = "委托", ["FinanceConfirmed"] = "财政已确认",
            ["Number"] = "阶段序号", ["SubmittedAtUtc"] = "提交时间", ["UnitConfirmed"] = "被评价单位已确认",
        }),
        ["StageEvent"] = new("成果阶段记录", new Dictionary<string, string>
        {
            ["Note"] = "说明", ["Party"] = "确认方", ["StageId"] = "成果阶段",
        }),
        ["Panel"] = new("评审组", new Dictionary<string, string>
        {
            ["DropExtremes"] = "去掉最高分和最低分", ["EngagementId"] = "委托", ["Form"] = "评分表", ["Purpose"] = "评审事项",
            ["CreatedBy"] = "抽取人", ["DueOn"] = "评分截止日期", ["Persons"] = "涉及人员",
            ["CreatedBy"] = "抽取人", ["DueOn"] = "评分截止日期", ["Persons"] = "涉及人员",
            ["Quotas"] = "抽取名额", ["Result"] = "评审结果", ["ResultExplanation"] = "结果计算", ["Revision"] = "修订号",
            ["Seed"] = "抽签种子", ["Title"] = "评审组名称",
        }),
        ["ExAnteEvaluation"] = new("事前绩效评估", new Dictionary<string, string>
        {
            ["Variant"] = "评估对象", ["Trigger"] = "评估原因", ["AddedByHand"] = "财政指定", ["RequestedAmount"] = "申报金额", ["Report"] = "事前评估报告",
            ["Materials"] = "已提供材料", ["OverallGoal"] = "总体目标", ["Indicators"] = "拟定绩效指标", ["SubmittedBy"] = "提交人",
            ["SubmittedAtUtc"] = "提交时间", ["ReturnReason"] = "退回理由", ["Route"] = "评估方式", ["PanelId"] = "评审组", ["EngagementId"] = "委托",
            ["Form"] = "评分表", ["Points"] = "逐项得分", ["Score"] = "评估得分", ["ScoreExplanation"] = "得分计算", ["Conclusion"] = "评估结论",
            ["Reasons"] = "结论理由", ["Cap"] = "建议预算控制数", ["ConcludedBy"] = "出具人", ["ConcludedAtUtc"] = "出具时间", ["Revision"] = "修改说明",
            ["RevisedAmount"] = "调整后申报金额", ["RevisedAtUtc"] = "修改时间", ["RevisionOpinion"] = "修改稿意见",
        }),
        ["ExAnteSetting"] = new("事前评估设置", new Dictionary<string, string>
        {
            ["MinNewAmount"] = "新增项目评估金额", ["SpecialFundYears"] = "专项资金执行年限", ["ProjectForm"] = "项目评分表", ["PolicyForm"] = "政策评分表",
            ["SupportFrom"] = "予以支持分数线", ["AdjustFrom"] = "调整完善分数线", ["CapMode"] = "超过控制数的处理", ["ProjectMaterials"] = "项目材料清单",
            ["PolicyMaterials"] = "政策材料清单",
        }),
        ["EvaluationPlan"] = new("部门评价和重点评价", new Dictionary<string, string>
        {
            ["Code"] = "评价编号", ["Title"] = "评价名称", ["Kind"] = "评价类型", ["SubjectKind"] = "评价对象类型", ["Evaluator"] = "评价主体",
            ["Source"] = "选取来源", ["SourceNote"] = "选取说明", ["PanelId"] = "评审组", ["EngagementId"] = "委托", ["StartOn"] = "开始日期",
            ["DueOn"] = "完成日期", ["Report"] = "评价报告", ["Total"] = "评价得分", ["Grade"] = "评价等级", ["ScoreExplanation"] = "得分计算",
            ["ScoredBy"] = "评分人", ["ConcludedBy"] = "完成人", ["ConcludedAtUtc"] = "完成时间", ["CancelReason"] = "取消理由", ["CreatedBy"] = "制定人",
        }),
        ["PlanSubject"] = new("评价计划的评价对象", new Dictionary<string, string> { ["PlanId"] = "评价", ["Amount"] = "评价金额" }),
        ["PlanItem"] = new("评价指标", new Dictionary<string, string>
        {
            ["PlanId"] = "评价", ["Seq"] = "序号", ["Level1"] = "一级指标", ["Level2"] = "二级指标", ["Points"] = "分值", ["Standard"] = "评分标准",
            ["Basis"] = "评分依据", ["Score"] = "得分", ["Note"] = "评分说明",
        }),
        ["PlanFinding"] = new("评价发现的问题", new Dictionary<string, string>
        {
            ["PlanId"] = "评价", ["Seq"] = "序号", ["Problem"] = "存在的问题", ["Cause"] = "原因", ["Suggestion"] = "整改建议", ["Amount"] = "涉及金额",
        }),
        ["EvaluationPlanSetting"] = new("评价设置", new Dictionary<string, string>
        {
            ["CoverageShare"] = "部门评价覆盖比例", ["ProjectFramework"] = "项目支出评价指标体系", ["DepartmentFramework"] = "部门整体评价指标体系",
            ["PolicyFramework"] = "政策评价指标体系",
        }),
        ["Rectification"] = new("整改事项", new Dictionary<string, string>
        {
            ["Subject"] = "填报主体", ["Source"] = "问题来源", ["SourceId"] = "来源记录", ["SourceKey"] = "来源问题", ["SourceTitle"] = "来源名称",
            ["Problem"] = "问题描述", ["Requirement"] = "整改要求", ["Amount"] = "问题金额", ["Deadline"] = "整改期限", ["Measures"] = "整改措施及成效",
            ["RepliedBy"] = "填写人", ["RepliedAtUtc"] = "填写时间", ["HandedInOn"] = "报送核实日期", ["CompletedOn"] = "完成日期", ["RaisedBy"] = "登记人",
            ["RaisedAtUtc"] = "登记时间",
        }),
        ["RectificationStep"] = new("整改办理记录", new Dictionary<string, string> { ["RectificationId"] = "整改事项", ["UserName"] = "办理人" }),
        ["PanelSubject"] = new("评审对象", new Dictionary<string, string> { ["PanelId"] = "评审组" }),
        ["PanelMember"] = new("评审组专家", new Dictionary<string, string>
        {
            ["ExpertId"] = "专家", ["ExpertName"] = "专家姓名", ["Field"] = "领域", ["PanelId"] = "评审组", ["Rank"] = "顺序",
            ["ReplacedReason"] = "更换原因", ["ScoredAtUtc"] = "评分时间", ["Scores"] = "各项得分", ["Total"] = "总分",
        }),
    };

    /// <summary>The Chinese name of an entity type; an unknown one keeps its C# name.</summary>
    public static string Type(string entityType) => Entities.TryGetValue(entityType, out var e) ? e.Name : entityType;

    /// <summary>The Chinese name of a field, or null when neither its type's table nor <see cref="Shared"/> names it.</summary>
    public static string? Field(string entityType, string field) =>
        Entities.TryGetValue(entityType, out var e) && e.Fields.TryGetValue(field, out var own) ? own : Shared.GetValueOrDefault(field);
}
