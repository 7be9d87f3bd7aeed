using Jixiao.Domain.Monitoring;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>监控统计表 (xlsx): per department tasks, filling and lights, then every red project with its reason.</summary>
public static class StatisticsSheet
{
    public static (string Name, byte[] Content) Write(RoundStatistics stats)
    {
        var r = stats.Round;
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { $"{r.Title}（数据截至 {r.CutOff:yyyy-MM-dd}）统计表" },
            new object?[] { "主管部门", "下达任务数", "已填报数", "完成率(%)", Light.Red.Label(), Light.Yellow.Label(), Light.Green.Label(), Light.Blue.Label(), "全年预算数(万元)", "执行数(万元)" },
        };
        rows.AddRange(stats.Departments.Select(d => (IReadOnlyList<object?>)new object?[]
        {
            d.Department, d.Issued, d.Filled, d.Rate, d.Lights.Red, d.Lights.Yellow, d.Lights.Green, d.Lights.Blue,
            decimal.Round(d.Budget / 10_000m, 2), decimal.Round(d.Executed / 10_000m, 2),
        }));
        rows.Add(new object?[] { "合计", r.Issued, r.Filled, r.Rate, r.Lights.Red, r.Lights.Yellow, r.Lights.Green, r.Lights.Blue,
            decimal.Round(stats.Departments.Sum(d => d.Budget) / 10_000m, 2), decimal.Round(stats.Departments.Sum(d => d.Executed) / 10_000m, 2) });
        rows.Add([]);
        rows.Add(new object?[] { $"红灯项目（{stats.RedTotal} 个）" });
        var redHeader = rows.Count + 1;
        rows.Add(new object?[] { "主管部门", "单位", "项目编码", "项目名称", "全年预算数(万元)", "执行数(万元)", "执行率(%)", "填报状态", "重点监控", "预警原因" });
        rows.AddRange(stats.RedProjects.Select(p => (IReadOnlyList<object?>)new object?[]
        {
            p.Department, p.Unit, p.Code, p.Name, decimal.Round(p.Budget / 10_000m, 2), decimal.Round(p.Executed / 10_000m, 2),
            Percent.Points(p.ExecutionRate), p.State.Label(), p.IsKey ? "是" : "", p.LightReason,
        }));
        var content = XlsxWriter.Write("监控统计", rows, new SheetLayout(Widths: [24, 24, 14, 36, 14, 12, 10, 14, 10, 80], HeaderRows: [2, redHeader], FrozenRows: 2, Titled: true));
        return ($"监控统计-{r.Year}-{r.Month:00}月.xlsx", content);
    }
}
