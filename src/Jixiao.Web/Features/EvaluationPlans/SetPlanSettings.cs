using Jixiao.Domain.Organisation;
using Jixiao.Domain.EvaluationPlans;

namespace Jixiao.Web.Features.EvaluationPlans;

/// <summary>A region-year's evaluation settings as the page and the API show them (the templates as text; blank in the input is the national one).</summary>
public sealed record PlanSettings(int FiscalYear, decimal CoverageSharePercent, string ProjectFramework, string DepartmentFramework, string PolicyFramework, bool IsDefault);

public sealed record PlanSettingsInput(decimal CoverageSharePercent, string? ProjectFramework, string? DepartmentFramework, string? PolicyFramework);

public static partial class PlanWork
{
    public static async Task<PlanSettings> SettingsAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var setting = await SettingAsync(db, user.RegionCode ?? "", year, ct);
        return new(year, (setting?.CoverageShare ?? DepartmentCoverage.DefaultShare) * 100m,
            EvaluationPlanSetting.TemplateOf(setting, PlanSubjectKind.Project).Write(), EvaluationPlanSetting.TemplateOf(setting, PlanSubjectKind.Department).Write(),
            EvaluationPlanSetting.TemplateOf(setting, PlanSubjectKind.Policy).Write(), setting is null);
    }

    public static async Task<PlanSettings> SetSettingsAsync(JixiaoDbContext db, CurrentUser user, int year, PlanSettingsInput input, DateTime nowUtc, CancellationToken ct)
    {
        if (!user.Scope.Has(Role.PerformanceDivision)) throw new ForbiddenException("只有财政绩效股可以修改评价设置。");
        FiscalYears.EnsureValid(year);
        var region = user.RegionCode ?? "";
        var setting = await db.EvaluationPlanSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null) db.EvaluationPlanSettings.Add(setting = EvaluationPlanSetting.Create(region, year));
        string Or(string? text, PlanSubjectKind kind) => string.IsNullOrWhiteSpace(text) ? EvaluationFramework.Template(kind).Write() : text;
        setting.Set(input.CoverageSharePercent, Or(input.ProjectFramework, PlanSubjectKind.Project), Or(input.DepartmentFramework, PlanSubjectKind.Department),
            Or(input.PolicyFramework, PlanSubjectKind.Policy), nowUtc);
        await Saves.SaveAsync(db, ct);
        return await SettingsAsync(db, user, year, ct);
    }
}
