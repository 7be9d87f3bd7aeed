using Jixiao.Web.Data;
using Jixiao.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Web.Tests.Audit;

/// <summary>A Chinese auditor reads every audited type and field by its Chinese name: a new entity or column without one fails here.</summary>
public sealed class AuditNamesTests
{
    private static List<IEntityType> Audited()
    {
        var options = new DbContextOptionsBuilder<JixiaoDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new JixiaoDbContext(options, new CurrentUser(), TimeProvider.System);
        return db.Model.GetEntityTypes().Where(t => !AuditCapture.NotAudited.Contains(t.ClrType)).ToList();
    }

    [Fact]
    public void EveryAuditedEntityType_HasAChineseName()
    {
        var unnamed = Audited().Select(t => t.ClrType.Name).Distinct().Where(n => !AuditNames.Entities.ContainsKey(n)).ToList();
        Assert.Empty(unnamed);
        Assert.Equal("绩效指标", AuditNames.Type("TargetIndicator"));
    }

    [Fact]
    public void EveryAuditedProperty_HasAChineseName()
    {
        var unnamed = Audited().SelectMany(t => t.GetProperties().Select(p => $"{t.ClrType.Name}.{p.Name}"))
            .Where(f => AuditNames.Field(f.Split('.')[0], f.Split('.')[1]) is null).Distinct().ToList();
        Assert.Empty(unnamed);
        Assert.Equal("取值依据", AuditNames.Field("TargetIndicator", "Basis"));
        Assert.Null(AuditNames.Field("TargetIndicator", "NoSuchColumn"));
    }

    [Fact]
    public void NameTable_NamesOnlyAuditedTypesAndTheirFields()
    {
        var audited = Audited();
        var stale = AuditNames.Entities.SelectMany(e => e.Value.Fields.Keys.Select(f => (Type: e.Key, Field: f)).Prepend((Type: e.Key, Field: "")))
            .Where(n => !audited.Any(t => t.ClrType.Name == n.Type && (n.Field == "" || t.FindProperty(n.Field) is not null)))
            .Select(n => $"{n.Type}.{n.Field}").ToList();
        Assert.Empty(stale);
        Assert.Equal(AuditNames.Entities.Count, AuditNames.Entities.Values.Select(e => e.Name).Distinct().Count());
    }

    [Fact]
    public void EveryAuditedEnumProperty_NamesEachValueInChinese()
    {
        var enums = Audited().SelectMany(t => t.GetProperties()).Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType)
            .Where(t => t.IsEnum).Distinct().ToList();
        Assert.Contains(typeof(Domain.Targets.ValueBasis), enums);
        Assert.All(enums, t => Assert.Empty(EnumLabels.Unlabelled(t)));
    }
}
