using Jixiao.Domain.Audit;
using Jixiao.Domain.Budget;
using Jixiao.Domain.Indicators;
using Jixiao.Domain.Reviews;
using Jixiao.Domain.Targets;

namespace Jixiao.Domain.Tests;

/// <summary>Every enum a user sees names its members in Chinese through one attribute, read by one lookup.</summary>
public sealed class EnumLabelTests
{
    /// <summary>Enums no page, export, message or stored record shows, each with the reason.</summary>
    private static readonly Dictionary<Type, string> InternalOnly = new()
    {
        [typeof(ValueKind)] = "how the parser classifies a target value; the value itself is shown as written",
    };

    public static TheoryData<Type> DomainEnums => new(typeof(LabelAttribute).Assembly.GetExportedTypes()
        .Where(t => t.IsEnum && !InternalOnly.ContainsKey(t)).OrderBy(t => t.FullName));

    [Theory, MemberData(nameof(DomainEnums))]
    public void DomainEnum_EveryMember_HasAChineseName(Type enumType)
    {
        Assert.Empty(EnumLabels.Unlabelled(enumType));
    }

    [Fact]
    public void InternalOnlyList_NamesOnlyDomainEnums()
    {
        Assert.All(InternalOnly.Keys, t => Assert.True(t.IsEnum && t.Assembly == typeof(LabelAttribute).Assembly, t.FullName));
    }

    private enum HalfNamed
    {
        [Label("有名")]
        Named = 1,
        Unnamed = 2,
        [Label("")]
        Blank = 3,
    }

    [Fact]
    public void Unlabelled_MemberWithoutOrWithBlankName_Reported()
    {
        Assert.Equal(["Unnamed", "Blank"], EnumLabels.Unlabelled(typeof(HalfNamed)));
    }

    [Theory]
    [InlineData(FormState.DivisionApproved, "待绩效股终审")]
    [InlineData(FormState.Returned, "被退回")]
    public void Label_FormState_IsItsChineseName(FormState state, string label) => Assert.Equal(label, state.Label());

    [Fact]
    public void Label_UndefinedValue_ReadsAsItsNumber()
    {
        Assert.Equal("99", ((TargetState)99).Label());
    }

    [Fact]
    public void Labels_Flags_NamesEachSetFlagInDeclarationOrder()
    {
        Assert.Equal(["地方政府债券", "上年结转"], (FundTags.CarryOver | FundTags.Bond).Labels());
        Assert.Empty(FundTags.None.Labels());
    }

    [Fact]
    public void Of_EnumType_MapsMemberNamesToChineseNames()
    {
        var names = EnumLabels.Of(typeof(Comparison));
        Assert.Equal("≥", names["GreaterOrEqual"]);
        Assert.Equal("定性", names["Qualitative"]);
        Assert.Equal("登录失败", EnumLabels.Of(typeof(AuditAction))["LoginFailed"]);
    }
}
