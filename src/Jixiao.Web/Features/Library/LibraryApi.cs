using Jixiao.Domain.Indicators;
using Jixiao.Domain.Targets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Features.Library;

public sealed record LibraryPage(IReadOnlyList<IndicatorLibraryEntry> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record Proposal(long TargetId, int Row, string Sector);

public sealed record Decision(bool Accept, string? Note);

public static class LibraryQueries
{
    /// <summary>Searches the library by words of the name (or example value), sector, 一级/二级指标 and kind.</summary>
    public static async Task<LibraryPage> SearchAsync(JixiaoDbContext db, string? q, string? sector, string? level1, string? level2, LibraryKind? kind,
        LibraryEntryStatus status, int page, int pageSize, CancellationToken ct)
    {
        var entries = db.Library.AsNoTracking().Where(e => e.Status == status);
        foreach (var word in (q ?? "").Split(' ', '　').Where(w => w.Length > 0))
            entries = entries.Where(e => e.Name.Contains(word) || e.ExampleValue.Contains(word));
        if (!string.IsNullOrWhiteSpace(sector)) entries = entries.Where(e => e.Sector == sector);
        if (!string.IsNullOrWhiteSpace(level1)) entries = entries.Where(e => e.Level1 == level1);
        if (!string.IsNullOrWhiteSpace(level2)) entries = entries.Where(e => e.Level2 == level2);
        if (kind is { } k) entries = entries.Where(e => e.Kind == k);
        pageSize = Math.Clamp(pageSize, 10, 200);
        page = Math.Max(1, page);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderBy(e => e.Kind).ThenBy(e => e.Sector).ThenBy(e => e.Level1).ThenBy(e => e.Level2).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new LibraryPage(rows, total, page, pageSize);
    }

    /// <summary>纳入指标库: proposes one indicator row of approved targets for the library.</summary>
    public static async Task<IndicatorLibraryEntry?> ProposeAsync(JixiaoDbContext db, CurrentUser user, Proposal proposal, DateTime nowUtc, CancellationToken ct)
    {
        var target = await db.Targets.AsNoTracking().Include(t => t.Indicators).SingleOrDefaultAsync(t => t.Id == proposal.TargetId, ct);
        if (target is null) return null;
        if (target.State != TargetState.Approved || target.ProjectId is not { } projectId)
            throw new ConflictException("只有已批复的项目绩效目标中的指标可以申请纳入指标库。");
        var indicator = target.Indicators.SingleOrDefault(i => i.Row == proposal.Row)
            ?? throw new DomainException($"该目标没有第 {proposal.Row} 行指标。", "行");
        if (await db.Library.AnyAsync(e => e.Name == indicator.Name && e.Level2 == indicator.Level2 && e.Sector == proposal.Sector
                                           && e.Status != LibraryEntryStatus.Declined, ct))
            throw new ConflictException($"指标库的“{Sectors.Name(proposal.Sector)}”中已有（或已申请）“{indicator.Level2} / {indicator.Name}”。");
        var entry = IndicatorLibraryEntry.Propose(proposal.Sector, indicator, target.RegionCode, target.FiscalYear, projectId, user.UserName, nowUtc);
        db.Library.Add(entry);
        await db.SaveChangesAsync(ct);
        return entry;
    }

    public static async Task<IndicatorLibraryEntry?> DecideAsync(JixiaoDbContext db, CurrentUser user, long id, Decision decision, CancellationToken ct)
    {
        var entry = await db.Library.SingleOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null) return null;
        entry.Decide(decision.Accept, user.UserName, decision.Note);
        await db.SaveChangesAsync(ct);
        return entry;
    }
}

public static class LibraryApi
{
    public static RouteGroupBuilder MapLibraryApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/library").WithTags("指标库").RequireAuthorization(Policies.BusinessStaff);
        group.MapGet("/", async Task<Ok<LibraryPage>> (string? q, string? sector, string? level1, string? level2, LibraryKind? kind, int? page, int? pageSize,
                JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await LibraryQueries.SearchAsync(db, q, sector, level1, level2, kind, LibraryEntryStatus.Active, page ?? 1, pageSize ?? 50, ct)))
            .WithName("SearchLibrary")
            .WithSummary("检索指标库（共性、个性指标）：按名称关键字、行业领域（sector）、一级/二级指标；每条带来源地区与年度、示例值");
        group.MapGet("/sectors", () => TypedResults.Ok(Sectors.Names)).WithName("ListSectors").WithSummary("行业领域代码与名称");
        group.MapPost("/proposals", async Task<Results<Created<IndicatorLibraryEntry>, NotFound>> (Proposal proposal, JixiaoDbContext db, CurrentUser user,
                TimeProvider clock, CancellationToken ct) =>
                await LibraryQueries.ProposeAsync(db, user, proposal, clock.GetUtcNow().UtcDateTime, ct) is { } entry
                    ? TypedResults.Created($"/api/library/{entry.Id}", entry)
                    : TypedResults.NotFound())
            .WithName("ProposeLibraryEntry")
            .WithSummary("申请把已批复目标中的一条好指标纳入指标库（由绩效股审核）");
        group.MapGet("/proposals", async Task<Ok<LibraryPage>> (int? page, JixiaoDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await LibraryQueries.SearchAsync(db, null, null, null, null, null, LibraryEntryStatus.Proposed, page ?? 1, 50, ct)))
            .RequireAuthorization(Policies.For(Role.PerformanceDivision))
            .WithName("ListLibraryProposals")
            .WithSummary("待审核的纳入指标库申请");
        group.MapPost("/{id:long}/decision", async Task<Results<Ok<IndicatorLibraryEntry>, NotFound>> (long id, Decision decision, JixiaoDbContext db,
                CurrentUser user, CancellationToken ct) =>
                await LibraryQueries.DecideAsync(db, user, id, decision, ct) is { } entry ? TypedResults.Ok(entry) : TypedResults.NotFound())
            .RequireAuthorization(Policies.For(Role.PerformanceDivision))
            .WithName("DecideLibraryProposal")
            .WithSummary("审核纳入指标库申请：accept=true 纳入；不纳入须写明理由");
        return api;
    }
}
