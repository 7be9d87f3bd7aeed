using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Features;

[AllowAnonymous, IgnoreAntiforgeryToken, ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;

    public string Message => Code switch
    {
        404 => "您要找的页面不存在，或不在您的权限范围内。",
        403 => "您的角色无权访问该页面。",
        400 => "请求有误，请检查后重试。",
        _ => "系统出现错误，请稍后重试；如反复出现，请联系系统管理员。",
    };

    public void OnGet(int? code) => Code = code ?? 500;
    public void OnPost(int? code) => Code = code ?? 500;
}
