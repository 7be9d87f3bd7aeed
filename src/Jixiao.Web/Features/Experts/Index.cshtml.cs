using Jixiao.Domain.Experts;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Experts;

/// <summary>专家库: finance searches the pool, exports and imports it; an expert account is taken to its own record.</summary>
[Authorize(Policy = Policies.ExpertPool)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, IOptions<UploadLimits> limits, IAuthorizationService authorization)
    : RegisterListModel<Expert>(limits, authorization)
{
    /// <summary>行业领域 code of <see cref="Jixiao.Domain.Indicators.Sectors"/>.</summary>
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }
    [BindProperty(SupportsGet = true)] public ExpertStatus? Status { get; set; }

    protected override bool SeesRegister => user.Scope.SeesRegisters;
    protected override string? OwnRecordPath => user.Scope.ExpertId is { } own ? $"/Experts/Details/{own}" : null;
    protected override string RegisterName => "专家库";

    protected override Task<FormPage<Expert>> SearchAsync(CancellationToken ct) => ExpertWork.SearchAsync(db, Q, Field, Status, PageNumber, 50, ct);

    protected override Task<RegisterImportReport> ImportAsync(string fileName, byte[] content, UploadLimits limits, CancellationToken ct) =>
        ExpertSheet.ImportAsync(db, user, fileName, content, limits, ct);

    public string PageLink(int page) => "/Experts" + QueryString.Create(new Dictionary<string, string?>
        { ["Q"] = Q, ["Field"] = Field, ["Status"] = Status?.ToString(), ["PageNumber"] = $"{page}" });

    /// <summary>How many organisations and persons the expert is listed to stand aside for (the own organisation apart).</summary>
    public static int Avoided(Expert e) => e.AvoidOrgUnitIds.Count + e.AvoidPersons.Count;
}
