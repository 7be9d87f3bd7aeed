using Jixiao.Domain.Panels;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Panels;

public static class PanelsApi
{
    public static RouteGroupBuilder MapPanelsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/panels").WithTags("专家评审组").RequireAuthorization(Policies.PanelParties);
        var keeper = Policies.For(Role.PerformanceDivision);
        group.MapGet("/", async Task<Ok<FormPage<PanelRow>>> (int? year, PanelPurpose? purpose, PanelState? state, string? q, int? page, int? pageSize,
                JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await PanelQueries.ListAsync(db, user, year, purpose, state, q, page ?? 1, pageSize ?? 50, calendar.Today, ct)))
            .WithName("ListPanels")
            .WithSummary("评审组列表：财政看本区划全部；被评审的部门和单位看评审本单位的；专家只看本人参加的");
        group.MapGet("/todo", async Task<Ok<IReadOnlyList<PanelToDo>>> (JixiaoDbContext db, CurrentUser user, BusinessClock calendar, CancellationToken ct) =>
                TypedResults.Ok(await PanelQueries.ToDoAsync(db, user, calendar.Today, ct)))
            .WithName("ListPanelToDos")
            .WithSummary("我的评审待办：专家待评分的评审组（截止早的在前）；财政看已过截止日期仍未评完的");
        group.MapGet("/{id:long}", async Task<Results<Ok<PanelView>, NotFound>> (long id, JixiaoDbContext db, CurrentUser user, BusinessClock calendar,
                CancellationToken ct) =>
                await PanelQueries.ViewAsync(db, user, id, calendar.Today, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound())
            .WithName("GetPanel")
            .WithSummary("评审组详情：评审对象、评分表、进度和结果；每位专家的评分只对财政显示，专家只看本人的评分");
        group.MapPost("/", async Task<Created<PanelView>> (PanelInput input, JixiaoDbContext db, CurrentUser user, BusinessClock calendar, TimeProvider clock,
                CancellationToken ct) =>
            {
                var panel = await PanelWork.DrawAsync(db, user, input, calendar.Today, clock.GetUtcNow().UtcDateTime, ct);
                return TypedResults.Created($"/api/panels/{panel.Id}", PanelQueries.View(panel, user, calendar.Today));
            })
            .RequireAuthorization(keeper)
            .WithName("DrawPanel")
            .WithSummary("组建评审组并抽取专家（绩效股）：按领域名额（如 教育 2、财务 1）从在库专家中抽取，与被评审单位同单位、申报回避该单位或涉及人员的专家回避；"
                + "顺序为 SHA-256(种子|领域|专家编号) 升序，种子留空则自动生成，可复核；评分表留空则用该评审事项的默认评分表");
        group.MapPost("/{id:long}/replace", async Task<Results<Ok<PanelView>, NotFound>> (long id, PanelReplacement body, JixiaoDbContext db, CurrentUser user,
                BusinessClock calendar, CancellationToken ct) =>
                await PanelWork.ReplaceAsync(db, user, id, body, ct) is { } p ? TypedResults.Ok(PanelQueries.View(p, user, calendar.Today)) : TypedResults.NotFound())
            .RequireAuthorization(keeper)
            .WithName("ReplacePanelExpert")
            .WithSummary("更换评审专家（绩效股，写明理由）：尚未评分的专家由同一领域抽签顺序中的下一位递补，被更换的专家和理由留在记录中");
        group.MapPost("/{id:long}/score", async Task<Results<Ok<PanelView>, NotFound>> (long id, PanelScores body, JixiaoDbContext db, CurrentUser user,
                BusinessClock calendar, TimeProvider clock, CancellationToken ct) =>
                await PanelWork.ScoreAsync(db, user, id, body, clock.GetUtcNow().UtcDateTime, ct) is { } p
                    ? TypedResults.Ok(PanelQueries.View(p, user, calendar.Today))
                    : TypedResults.NotFound())
            .RequireAuthorization(Policies.For(Role.Expert))
            .WithName("ScorePanel")
            .WithSummary("专家评分：按评分表逐项打分（0 至该项分值，最多一位小数）并写评审意见；最后一位专家评分后自动计算评审结果（平均分，可去掉最高分和最低分）");
        return api;
    }
}
