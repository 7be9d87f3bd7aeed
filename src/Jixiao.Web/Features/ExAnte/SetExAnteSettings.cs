using Jixiao.Domain.Budget;
using Jixiao.Domain.Organisation;
using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>
/// 事前评估设置 of a region-year as read and written: the screening thresholds, the two scoring forms one item a line (<c>名称 分值</c>,
/// sub-items <c>维度/子项 分值</c>), the conclusion thresholds, what an approval above the cap meets, the material lists one a line.
/// <see cref="UpdatedAtUtc"/> null: not set, the defaults.
/// </summary>
public sealed record ExAnteSettings(int FiscalYear, decimal MinNewAmount, int SpecialFundYears, string ProjectForm, string PolicyForm, decimal SupportFrom,
    decimal AdjustFrom, CapMode CapMode, string ProjectMaterials, string PolicyMaterials, DateTime? UpdatedAtUtc);

public sealed record ExAnteSettingsInput(decimal MinNewAmount, int SpecialFundYears, string? ProjectForm, string? PolicyForm, decimal SupportFrom,
    decimal AdjustFrom, CapMode CapMode, string? ProjectMaterials, string? PolicyMaterials);

public static partial class ExAnteWork
{
    public static async Task<ExAnteSettings> SettingsAsync(JixiaoDbContext db, CurrentUser user, int year, CancellationToken ct)
    {
        FiscalYears.EnsureValid(year);
        var region = user.RegionCode ?? "";
        var row = await db.ExAnteSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        return Settings(year, row?.Rules ?? ExAnteRules.Default, row?.UpdatedAtUtc);
    }

    public static async Task<ExAnteSettings> SetSettingsAsync(JixiaoDbContext db, CurrentUser user, int year, ExAnteSettingsInput input, DateTime nowUtc,
        CancellationToken ct)
    {
        RequireFinance(user, "修改事前评估设置");
        FiscalYears.EnsureValid(year);
        var region = user.RegionCode ?? "";
        var setting = await db.ExAnteSettings.SingleOrDefaultAsync(s => s.RegionCode == region && s.FiscalYear == year, ct);
        if (setting is null)
        {
            setting = ExAnteSetting.Create(region, year);
            db.ExAnteSettings.Add(setting);
        }
        setting.Set(input.MinNewAmount, input.SpecialFundYears, input.ProjectForm, input.PolicyForm, input.SupportFrom, input.AdjustFrom, input.CapMode,
            input.ProjectMaterials, input.PolicyMaterials, nowUtc);
        await Saves.SaveAsync(db, ct);
        return Settings(year, setting.Rules, setting.UpdatedAtUtc);
    }

    private static ExAnteSettings Settings(int year, ExAnteRules r, DateTime? updated) => new(year, r.MinNewAmount, r.SpecialFundYears, r.ProjectForm.Write(),
        r.PolicyForm.Write(), r.SupportFrom, r.AdjustFrom, r.CapMode, string.Join("\n", r.ProjectMaterials), string.Join("\n", r.PolicyMaterials), updated);
}
