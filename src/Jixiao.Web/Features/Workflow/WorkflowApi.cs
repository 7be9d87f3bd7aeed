using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Workflow;

public static class WorkflowApi
{
    public static RouteGroupBuilder MapWorkflowApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/workflow").WithTags("审核流程与文号").RequireAuthorization(Policies.BusinessStaff);

        group.MapGet("/settings", async Task<Ok<WorkflowView>> (int? year, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await WorkflowWork.ViewAsync(db, user.RegionCode ?? "", year ?? calendar.Year, ct)))
            .WithName("GetWorkflowSettings")
            .WithSummary("本地区某年度：监控表、自评表是否经资金所在业务股室审核（默认是），整改措施文号前缀和下一个文号");

        group.MapPut("/settings", async Task<Ok<WorkflowView>> (int? year, WorkflowRequest request, JixiaoDbContext db, CurrentUser user, TimeProvider clock, BusinessClock calendar,
                CancellationToken ct) =>
                TypedResults.Ok(await WorkflowWork.SetAsync(db, user, year ?? calendar.Year, request, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(Policies.For(Role.PerformanceDivision))
            .WithName("SetWorkflowSettings")
            .WithSummary("设置本地区某年度：formDivisionStep（true：主管部门 → 业务股室 → 绩效股；false：主管部门 → 绩效股）与 documentPrefix（如“襄财绩”，文号为“襄财绩〔2026〕12号”）");
        return api;
    }
}
