using Jixiao.Domain.Targets;

namespace Jixiao.Web.Features.Workflow;

/// <summary>A batch 审核通过 / 退回修改 with one opinion (and, for targets, one grade).</summary>
public sealed record BatchRequest(IReadOnlyList<long>? Ids, string? Opinion, ReviewGrade? Grade = null);

/// <param name="Form">项目代码 and name of the form, as the list shows it</param>
public sealed record BatchFailure(long Id, string Form, string Reason);

public sealed record BatchResult(string Verb, int Succeeded, IReadOnlyList<BatchFailure> Failed)
{
    /// <summary>12 份已通过，2 份未通过：…</summary>
    public string Summary => Failed.Count == 0
        ? $"{Succeeded} 份已{Verb}。"
        : $"{Succeeded} 份已{Verb}，{Failed.Count} 份未{Verb}：{string.Join("；", Failed.Select(f => $"{f.Form}：{f.Reason.TrimEnd('。')}"))}。";
}

/// <summary>
/// Runs the single action on each selected form in turn: each form is loaded, checked and stamped on its own through the
/// same handler and domain transition as one click on its page, and saved on its own, so one form that cannot move does
/// not hold back the others. What failed is named with its reason.
/// </summary>
public static class FormBatch
{
    public const int MaxForms = 200;

    /// <param name="act">the single action; false when the form is not found in the user's scope</param>
    /// <param name="names">项目代码 and name of forms by id, in the user's scope</param>
    public static async Task<BatchResult> RunAsync(JixiaoDbContext db, BatchRequest request, string verb, Func<long, Task<bool>> act,
        Func<IReadOnlyList<long>, Task<IReadOnlyDictionary<long, string>>> names)
    {
        var ids = (request.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0) throw new DomainException("请先勾选要办理的表。", "选择");
        if (ids.Count > MaxForms) throw new DomainException($"一次最多批量办理 {MaxForms} 份，已选 {ids.Count} 份；请分批办理。", "选择");
        var labels = await names(ids);
        var failed = new List<BatchFailure>();
        foreach (var id in ids)
        {
            try
            {
                if (!await act(id)) failed.Add(new BatchFailure(id, labels.GetValueOrDefault(id, $"编号 {id}"), "不存在或不在您的权限范围内"));
            }
            catch (DomainException e)
            {
                failed.Add(new BatchFailure(id, labels.GetValueOrDefault(id, $"编号 {id}"), e.Message));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return new BatchResult(verb, ids.Count - failed.Count, failed);
    }
}
