using Jixiao.Domain.Agencies;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Agencies;

/// <summary>第三方机构库: finance searches the register, exports and imports it; an agency account is taken to its own record.</summary>
[Authorize(Policy = Policies.AgencyRegister)]
public sealed class IndexModel(JixiaoDbContext db, CurrentUser user, IOptions<UploadLimits> limits, IAuthorizationService authorization)
    : RegisterListModel<Agency>(limits, authorization)
{
    [BindProperty(SupportsGet = true)] public AgencyType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyStatus? Status { get; set; }

    protected override bool SeesRegister => user.Scope.SeesRegisters;
    protected override string? OwnRecordPath => user.Scope.AgencyId is { } own ? $"/Agencies/Details/{own}" : null;
    protected override string RegisterName => "机构库";

    protected override Task<FormPage<Agency>> SearchAsync(CancellationToken ct) => AgencyWork.SearchAsync(db, Q, Type, Status, PageNumber, 50, ct);

    protected override Task<RegisterImportReport> ImportAsync(string fileName, byte[] content, UploadLimits limits, CancellationToken ct) =>
        AgencySheet.ImportAsync(db, user, fileName, content, limits, ct);

    public string PageLink(int page) => "/Agencies" + QueryString.Create(new Dictionary<string, string?>
        { ["Q"] = Q, ["Type"] = Type?.ToString(), ["Status"] = Status?.ToString(), ["PageNumber"] = $"{page}" });

    /// <summary>The rating of the latest year, as it reads in the list.</summary>
    public static string LastRating(Agency a) => a.Ratings.LastOrDefault() is { } r ? $"{r.Year} 年 {r.Score:0.##} 分（{r.Grade.Label()}）" : "—";
}
