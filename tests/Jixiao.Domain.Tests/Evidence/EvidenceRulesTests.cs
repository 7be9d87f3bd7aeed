using Jixiao.Domain.Access;
using Jixiao.Domain.Evidence;

namespace Jixiao.Domain.Tests.Evidence;

public sealed class EvidenceRulesTests
{
    private static EvidenceOwnerFacts Owner(bool open) =>
        new("140423", 2026, "绩效目标第 1 版", open, open ? "草稿" : "已批复", EvidenceRules.FormWriters);

    [Theory]
    [InlineData(Role.UnitFiller, true, null)]
    [InlineData(Role.DepartmentReviewer, true, null)]
    [InlineData(Role.BusinessDivision, true, null)]
    [InlineData(Role.PerformanceDivision, true, null)]
    [InlineData(Role.SystemAdmin, true, "系统管理员不能为绩效目标第 1 版上传附件：只有预算单位填报人、主管部门审核人、财政业务股室、财政绩效股可以上传。")]
    [InlineData(Role.Expert, true, "评审专家不能为绩效目标第 1 版上传附件")]
    [InlineData(Role.UnitFiller, false, "绩效目标第 1 版当前为“已批复”，已锁定，附件不能再上传或删除")]
    public void RefuseAttach_ByRoleAndOwnerState(Role role, bool open, string? refusal)
    {
        var error = EvidenceRules.RefuseAttach(Owner(open), new HashSet<Role> { role });
        if (refusal is null) Assert.Null(error);
        else Assert.StartsWith(refusal, error!.Message);
    }

    [Theory]
    [InlineData(7L, Role.UnitFiller, true, null)]                 // the uploader
    [InlineData(8L, Role.UnitFiller, true, "附件《合同.pdf》只能由上传人（张三）或财政业务股室、绩效股删除。")]
    [InlineData(8L, Role.DepartmentReviewer, true, "附件《合同.pdf》只能由上传人（张三）")]
    [InlineData(8L, Role.BusinessDivision, true, null)]           // finance
    [InlineData(8L, Role.PerformanceDivision, true, null)]
    [InlineData(7L, Role.UnitFiller, false, "绩效目标第 1 版当前为“已批复”，已锁定")]
    [InlineData(8L, Role.PerformanceDivision, false, "绩效目标第 1 版当前为“已批复”，已锁定")]
    public void RefuseDelete_UploaderOrFinance_WhileOpen(long userId, Role role, bool open, string? refusal)
    {
        var error = EvidenceRules.RefuseDelete(Owner(open), "合同.pdf", 7, "张三", userId, new HashSet<Role> { role });
        if (refusal is null) Assert.Null(error);
        else Assert.StartsWith(refusal, error!.Message);
    }

    [Fact]
    public void Refusals_OfRoleAndOfState_AreForbiddenAndConflict()
    {
        Assert.IsType<ForbiddenException>(EvidenceRules.RefuseAttach(Owner(true), new HashSet<Role> { Role.AuditAdmin }));
        Assert.IsType<ConflictException>(EvidenceRules.RefuseAttach(Owner(false), new HashSet<Role> { Role.UnitFiller }));
    }
}
