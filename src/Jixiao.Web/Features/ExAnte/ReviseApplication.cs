using Jixiao.Domain.ExAnte;

namespace Jixiao.Web.Features.ExAnte;

/// <summary>The unit's revised application after 调整完善后予以支持: what it changed and the amount it now asks for.</summary>
public sealed record ExAnteRevisionInput(string? Revision, decimal RevisedAmount);

/// <summary>Finance's answer to a revision: accept (the gate opens) or return with the reason.</summary>
public sealed record ExAnteRevisionDecision(bool Accept, string? Opinion);

public static partial class ExAnteWork
{
    public static async Task<ExAnteEvaluation?> ReviseAsync(JixiaoDbContext db, CurrentUser user, long id, ExAnteRevisionInput input, DateTime nowUtc,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        RequireApplicant(user, evaluation, "提交调整完善后的申报材料");
        evaluation.SubmitRevision(input.Revision, input.RevisedAmount, user.UserName, nowUtc);
        await Saves.SaveAsync(db, ct);
        return evaluation;
    }

    public static async Task<ExAnteEvaluation?> ActOnRevisionAsync(JixiaoDbContext db, CurrentUser user, long id, ExAnteRevisionDecision input,
        CancellationToken ct)
    {
        var evaluation = await FindAsync(db, id, ct);
        if (evaluation is null) return null;
        RequireFinance(user, "确认调整完善后的申报材料");
        evaluation.ActOnRevision(input.Accept, input.Opinion);
        await Saves.SaveAsync(db, ct);
        return evaluation;
    }
}
