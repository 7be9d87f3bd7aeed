using System.Globalization;
using Jixiao.Domain.Engagements;
using Jixiao.Domain.Evaluations;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.EvaluationPlans;

/// <summary>One 三级 item of a framework: where it sits (一级/二级), its points and how it is scored; <see cref="Basis"/> says what a
/// row taken from the project's targets measures against (年度指标值, 自评实际完成值).</summary>
public sealed record FrameworkItem(string Level1, string Level2, string Name, decimal Points, string Standard, string Basis = "")
{
    /// <summary>产出 or 效益 — the result part of a framework, which must carry at least <see cref="EvaluationFramework.MinResultShare"/>.</summary>
    public bool IsResult => EvaluationFramework.ResultLevels.Contains(Level1) || EvaluationFramework.ResultLevels.Contains(Level2);
}

/// <summary>
/// A 绩效评价指标体系 as data (DOMAIN.md §4.4, 财预〔2020〕10号): 一级 / 二级 / 三级 items with points and scoring standards, 100 in
/// all, 产出 + 效益 at least 60 %. Written one item a line as <c>一级/二级/三级 分值 评分标准</c> (the standard may be blank), so that a
/// region-year keeps its templates and a plan its own copy as text. <see cref="Template"/> gives the national templates of a subject
/// (project, department overall, policy).
/// </summary>
public sealed record EvaluationFramework(IReadOnlyList<FrameworkItem> Items)
{
    public const decimal MinResultShare = 0.6m;
    public const int MaxItems = 60;
    public static readonly IReadOnlySet<string> ResultLevels = new HashSet<string> { "产出", "效益" };

    public decimal Total => Items.Sum(i => i.Points);

    public decimal ResultPoints => Items.Where(i => i.IsResult).Sum(i => i.Points);

    /// <summary>The points of each 一级 in the framework's order (for the score table).</summary>
    public IReadOnlyList<(string Level1, decimal Points)> Levels => [.. Items.GroupBy(i => i.Level1).Select(g => (g.Key, g.Sum(i => i.Points)))];

    /// <summary>Reads and checks a framework written one item a line; the message names the line and the fix.</summary>
    public static EvaluationFramework Parse(string? text, string field = "评价指标体系")
    {
        var items = new List<FrameworkItem>();
        var lines = (text ?? "").Replace("\r", "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var n = 0; n < lines.Length; n++)
        {
            var parts = lines[n].Split([' ', '\t', '　'], 3, StringSplitOptions.RemoveEmptyEntries);
            var path = parts.Length > 0 ? parts[0].Split('/') : [];
            if (parts.Length < 2 || path.Length != 3 || path.Any(p => p.Trim().Length == 0)
                || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
                throw new DomainException(
                    $"{field}第 {n + 1} 行“{Short(lines[n])}”应写成“一级/二级/三级 分值 评分标准”，如“决策/项目立项/立项依据充分性 3 立项依据充分得满分”。", field);
            items.Add(new FrameworkItem(path[0].Trim(), path[1].Trim(), path[2].Trim(), points, parts.Length > 2 ? parts[2].Trim() : ""));
        }
        return Checked(items, field);
    }

    /// <summary>Items with points in tenths, unique 三级 names, 100 in all and 产出 + 效益 ≥ 60 %.</summary>
    public static EvaluationFramework Checked(IReadOnlyList<FrameworkItem> items, string field = "评价指标体系")
    {
        if (items.Count == 0) throw new DomainException($"{field}没有任何指标：请至少写一行“一级/二级/三级 分值 评分标准”。", field);
        if (items.Count > MaxItems) throw new DomainException($"{field}有 {items.Count} 个三级指标，最多 {MaxItems} 个：请合并相近的指标。", field);
        foreach (var item in items)
        {
            foreach (var (value, what) in new[] { (item.Level1, "一级指标"), (item.Level2, "二级指标"), (item.Name, "三级指标") })
                if (value.Length > 40) throw new DomainException($"{field}的{what}“{Short(value)}”超过 40 个字。", field);
            if (item.Standard.Length > 1000) throw new DomainException($"{field}“{item.Name}”的评分标准超过 1000 个字。", field);
            if (item.Points <= 0 || item.Points > 100 || decimal.Round(item.Points, 1) != item.Points)
                throw new DomainException($"{field}“{item.Name}”的分值 {Scores.Format(item.Points)} 应为大于 0、不超过 100 的数（最多一位小数）。", field);
        }
        if (items.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new DomainException($"{field}的三级指标“{twice.Key}”出现了 {twice.Count()} 次：同名指标请写明区别（如“{twice.Key}（一）”）。", field);
        var framework = new EvaluationFramework(items);
        if (framework.Total != 100m)
            throw new DomainException(
                $"{field}各一级指标分值 {string.Join(" + ", framework.Levels.Select(l => $"{l.Level1} {Scores.Format(l.Points)}"))} = {Scores.Format(framework.Total)} 分，应为 100 分。", field);
        if (framework.ResultPoints < MinResultShare * 100m)
            throw new DomainException(
                $"{field}产出和效益指标合计 {Scores.Format(framework.ResultPoints)} 分，低于总分的 60%（60 分）：请提高产出、效益指标的分值（财预〔2020〕10号）。", field);
        return framework;
    }

    public string Write() => string.Join("\n", Items.Select(i => $"{i.Level1}/{i.Level2}/{i.Name} {Scores.Format(i.Points)}{(i.Standard.Length > 0 ? " " + i.Standard : "")}"));

    /// <summary>The framework as a panel's flat form (each 三级 item and its points), for experts to score item by item.</summary>
    public ScoringForm Form()
    {
        if (Items.Count > 30)
            throw new DomainException($"评价指标体系有 {Items.Count} 个三级指标，专家评审表最多 30 项：请合并指标后再抽取评审组。", "评价指标体系");
        return new([.. Items.Select(i => new ScoringItem(i.Name, i.Points))]);
    }

    /// <summary>
    /// The project's approved targets as the 产出 and 效益 rows (DOMAIN.md §4.4): each 二级 of the template's 产出 and 效益 whose kind the
    /// targets have is replaced by the targets' indicators of that kind, sharing the 二级's points (in tenths, the remainder on the last);
    /// a 二级 the targets do not cover keeps the template's item. <paramref name="actuals"/> are the self-evaluation's 实际完成值 by row.
    /// </summary>
    public EvaluationFramework WithTargets(IReadOnlyList<TargetIndicator> indicators, IReadOnlyDictionary<int, string> actuals)
    {
        if (indicators.Count == 0) return this;
        var result = new List<FrameworkItem>();
        foreach (var group in Items.GroupBy(i => (i.Level1, i.Level2)))
        {
            var first = group.First();
            var matching = first.IsResult ? indicators.Where(i => KindOf(i) == first.Level2).OrderBy(i => i.Row).ToList() : [];
            if (matching.Count == 0)
            {
                result.AddRange(group);
                continue;
            }
            var points = group.Sum(i => i.Points);
            var share = Math.Floor(points * 10m / matching.Count) / 10m;
            var taken = new HashSet<string>(result.Select(r => r.Name).Concat(Items.Select(i => i.Name)));
            for (var k = 0; k < matching.Count; k++)
            {
                var indicator = matching[k];
                var name = indicator.Name.Length > 40 ? indicator.Name[..40] : indicator.Name;
                for (var copy = 2; !taken.Add(name); copy++) name = $"{(indicator.Name.Length > 36 ? indicator.Name[..36] : indicator.Name)}（{copy}）";
                var standard = indicator.ScoringStandard.Length > 0 ? indicator.ScoringStandard : "达到年度指标值得满分，未达到按完成比例计分";
                var actual = actuals.GetValueOrDefault(indicator.Row, "");
                var basis = $"年度指标值 {TargetText(indicator)}" + (actual.Length > 0 ? $"；自评实际完成值 {actual}" : "；未自评");
                result.Add(new FrameworkItem(first.Level1, first.Level2, name, k == matching.Count - 1 ? points - share * (matching.Count - 1) : share,
                    standard.Length > 1000 ? standard[..1000] : standard, basis));
            }
        }
        return Checked(result);
    }

    /// <summary>The 二级 of the national framework an indicator of the targets belongs to.</summary>
    public static string KindOf(TargetIndicator indicator) => (indicator.Level1, indicator.Level2) switch
    {
        (_, var l2) when l2.StartsWith("数量", StringComparison.Ordinal) => "数量",
        (_, var l2) when l2.StartsWith("质量", StringComparison.Ordinal) => "质量",
        (_, var l2) when l2.StartsWith("时效", StringComparison.Ordinal) => "时效",
        (_, var l2) when l2.StartsWith("成本", StringComparison.Ordinal) => "成本",
        (IndicatorFrame.Cost, _) => "成本",
        (IndicatorFrame.Satisfaction, _) => "满意度",
        (_, var l2) when l2.Contains("满意度", StringComparison.Ordinal) => "满意度",
        (IndicatorFrame.Benefit, _) => "项目效益",
        _ => "",
    };

    /// <summary>The target as the targets pages show it (<see cref="TargetIndicator.Display"/>): a value written with its sign and unit
    /// (“≧735人次”, as units and the published indicators write it) shows them once.</summary>
    private static string TargetText(TargetIndicator i) => i.Comparison == Comparison.Qualitative ? i.TargetValue : i.Display(null);

    /// <summary>The national template of a subject (DOMAIN.md §4.4; the department and policy frames as the 2020 guidance suggests).</summary>
    public static EvaluationFramework Template(PlanSubjectKind subject) => subject switch
    {
        PlanSubjectKind.Department => DepartmentTemplate,
        PlanSubjectKind.Policy => PolicyTemplate,
        _ => ProjectTemplate,
    };

    public static readonly EvaluationFramework ProjectTemplate = Parse("""
        决策/项目立项/立项依据充分性 3 立项符合法律法规、发展规划和部门职责，与同类项目无重复，依据充分得满分，每缺一项扣 1 分
        决策/项目立项/立项程序规范性 2 按规定程序申请设立、经过事前评估和集体决策得满分，每缺一项扣 1 分
        决策/绩效目标/绩效目标合理性 3 绩效目标与实际工作内容相关、与预算匹配、符合正常业绩水平得满分，每项不符扣 1 分
        决策/绩效目标/绩效指标明确性 2 指标细化、量化、可衡量，与年度任务数和计划数相对应得满分，每项不符扣 1 分
        决策/资金投入/预算编制科学性 3 预算经过论证、内容与项目匹配、额度测算依据充分得满分，每项不符扣 1 分
        决策/资金投入/资金分配合理性 2 分配依据充分、额度与项目实际相适应得满分，每项不符扣 1 分
        过程/资金管理/资金到位率 3 实际到位资金 ÷ 预算资金 × 分值
        过程/资金管理/预算执行率 4 实际支出 ÷ 实际到位资金 × 分值（以调整后全年预算计）
        过程/资金管理/资金使用合规性 3 符合财务制度和资金管理办法、无截留挤占挪用和超范围支出得满分，发现一项扣 1 分
        过程/组织实施/管理制度健全性 2 有健全的项目和财务管理制度并合法合规得满分，每项不符扣 1 分
        过程/组织实施/制度执行有效性 3 遵守制度规定、调整履行审批、合同和验收等资料齐全得满分，每项不符扣 1 分
        产出/数量/实际完成率 10 实际完成数 ÷ 计划数 × 分值
        产出/质量/质量达标率 10 质量达标数 ÷ 实际完成数 × 分值
        产出/时效/完成及时性 10 按计划时间完成得满分，逾期按延误程度扣分
        产出/成本/成本节约率 10 在计划成本内完成得满分，超支按超出比例扣分
        效益/项目效益/实施效益 20 社会效益、经济效益、生态效益和可持续影响达到预期得满分，部分达到按程度计分
        效益/满意度/服务对象满意度 10 满意度 ≥ 90% 得满分，每低 1 个百分点扣 0.5 分
        """, "项目支出评价指标体系");

    public static readonly EvaluationFramework DepartmentTemplate = Parse("""
        部门决策/目标设定/绩效目标合理性 4 部门整体绩效目标符合部门职责和中长期规划、与预算匹配得满分
        部门决策/目标设定/绩效指标明确性 4 指标细化量化、可衡量得满分，每项不符扣 1 分
        部门决策/预算配置/预算编制科学性 4 预算编制经过论证、重点支出保障到位得满分
        部门决策/预算配置/在职人员控制率 4 在职人员数 ÷ 编制数 ≤ 100% 得满分，每超 1 个百分点扣 0.5 分
        部门决策/预算配置/“三公经费”变动率 4 “三公经费”较上年下降或持平得满分，上升按比例扣分
        综合管理/预算执行/预算完成率 4 预算完成数 ÷ 预算数 × 分值
        综合管理/预算执行/结转结余率 3 结转结余率 ≤ 5% 得满分，每超 1 个百分点扣 0.5 分
        综合管理/预算管理/管理制度健全性 3 预算、财务、资产管理制度健全得满分
        综合管理/预算管理/资金使用合规性 3 无违规使用资金得满分，发现一项扣 1 分
        综合管理/预算管理/预决算信息公开性 3 按规定公开预决算和绩效信息得满分
        综合管理/资产管理/资产管理安全性 2 资产保存完整、配置合理、处置规范得满分
        综合管理/资产管理/固定资产利用率 2 实际在用固定资产 ÷ 所有固定资产 × 分值
        部门绩效/产出/重点工作完成率 12 完成重点工作数 ÷ 计划数 × 分值
        部门绩效/产出/履职质量达标率 10 达标数 ÷ 完成数 × 分值
        部门绩效/产出/履职及时性 8 按时完成得满分，逾期按程度扣分
        部门绩效/效益/社会经济效益 16 部门履职对经济社会发展的影响达到预期得满分
        部门绩效/效益/可持续影响 6 长效机制和可持续影响达到预期得满分
        部门绩效/效益/服务对象满意度 8 满意度 ≥ 90% 得满分，每低 1 个百分点扣 0.5 分
        """, "部门整体评价指标体系");

    public static readonly EvaluationFramework PolicyTemplate = Parse("""
        决策/政策制定/政策依据充分性 5 符合上位政策和发展规划、依据充分得满分
        决策/政策制定/政策目标明确性 5 政策目标清晰、可衡量得满分
        决策/政策制定/决策程序规范性 5 经过调研论证、征求意见和集体决策得满分
        决策/资金设计/资金分配合理性 5 分配方法科学、标准明确得满分
        过程/资金管理/资金到位及时性 5 资金按时足额到位得满分
        过程/资金管理/资金使用合规性 5 无违规使用资金得满分，发现一项扣 1 分
        过程/组织实施/实施方案完备性 5 实施细则、职责分工和监管措施完备得满分
        过程/组织实施/监督管理有效性 5 开展监督检查、问题及时整改得满分
        产出/政策产出/目标完成率 14 实际完成数 ÷ 政策目标数 × 分值
        产出/政策产出/覆盖面 8 受益对象覆盖率达到目标得满分，按比例计分
        产出/政策产出/兑现及时性 8 按时兑现得满分，逾期按程度扣分
        效益/政策效益/经济社会效益 16 政策实施的经济社会效益达到预期得满分
        效益/政策效益/可持续性 6 政策的长效机制和可持续性达到预期得满分
        效益/满意度/受益对象满意度 8 满意度 ≥ 90% 得满分，每低 1 个百分点扣 0.5 分
        """, "政策评价指标体系");

    private static string Short(string text) => text.Length > 30 ? text[..30] + "…" : text;
}
