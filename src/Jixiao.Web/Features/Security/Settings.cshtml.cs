using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features.Security;

/// <summary>密码与双因素设置: the security administrator's settings for the region and the reset of a lost second factor.</summary>
[Authorize(Policy = nameof(Role.SecurityAdmin))]
public sealed class SettingsModel(JixiaoDbContext db, CurrentUser current, TimeProvider clock) : PageModel
{
    [BindProperty, Display(Name = "密码有效期")] public int PasswordExpiryDays { get; set; }
    [BindProperty] public bool FinanceTwoFactor { get; set; }
    [BindProperty] public string? ResetUserName { get; set; }

    public SecuritySettingsDto Saved { get; private set; } = null!;
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Saved = await SecuritySettingsWork.ReadAsync(db, current, ct);
        if (HttpMethods.IsGet(Request.Method)) (PasswordExpiryDays, FinanceTwoFactor) = (Saved.PasswordExpiryDays, Saved.FinanceTwoFactor);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            ModelState.AddModelError(nameof(PasswordExpiryDays), "密码有效期应填整数天数，0 表示不过期。");
            return Page();
        }
        await SecuritySettingsWork.SaveAsync(db, current, clock, new SecuritySettingsWork.Command(PasswordExpiryDays, FinanceTwoFactor), ct);
        Done = "设置已保存，下次登录起生效。";
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        var name = (ResetUserName ?? "").Trim();
        var id = await db.Users.Where(u => u.UserName == name).Select(u => (long?)u.Id).SingleOrDefaultAsync(ct);
        if (id is null || !await SecuritySettingsWork.ResetTwoFactorAsync(db, current, id.Value, ct))
            throw new DomainException($"没有找到用户“{name}”，或不在您的管理范围内，请核对用户名。", nameof(ResetUserName));
        Done = $"已重置“{name}”的动态口令：其会话和令牌已失效，下次登录时按提示重新绑定。";
        await OnGetAsync(ct);
        return Page();
    }
}
