using System.Text.Json;
using Jixiao.Tests.Shared;
using Jixiao.Web.Data;
using Jixiao.Web.Features.Demo;

namespace Jixiao.Web.Tests.Platform;

/// <summary>The web host's enums name their members in Chinese like the domain's, and the API document says those names (after the enum's XML summary).</summary>
public sealed class EnumNameTests(DemoApps apps)
{
    /// <summary>Enums no page, export, message or stored record shows, each with the reason.</summary>
    private static readonly Dictionary<Type, string> InternalOnly = new()
    {
        [typeof(DatabaseProvider)] = "a process setting, named as configured",
        [typeof(DemoTargets.Season)] = "the demo seeder's choice of scenario",
        [typeof(Features.Printing.StepEffect)] = "how a review step fills a printed form's stamp boxes; the boxes show their own captions",
    };

    public static TheoryData<Type> WebEnums => new(typeof(JixiaoDbContext).Assembly.GetExportedTypes()
        .Where(t => t.IsEnum && !InternalOnly.ContainsKey(t)).OrderBy(t => t.FullName));

    [Theory, MemberData(nameof(WebEnums))]
    public void WebEnum_EveryMember_HasAChineseName(Type enumType)
    {
        Assert.Empty(EnumLabels.Unlabelled(enumType));
    }

    [Fact]
    public async Task OpenApi_EveryEnumSchema_ListsEachValueWithItsChineseName()
    {
        var app = await apps.GetAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var enums = document.RootElement.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        Assert.Contains(enums, s => s.Name == "ValueBasis");
        Assert.All(enums, s =>
        {
            var description = s.Value.TryGetProperty("description", out var d) ? d.GetString() : null;
            foreach (var value in s.Value.GetProperty("enum").EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String))
                Assert.Matches($"(^|\n|；){value.GetString()} = [^；]+", description ?? $"{s.Name}: no description");
        });
        var basis = enums.Single(s => s.Name == "ValueBasis").Value.GetProperty("description").GetString();
        Assert.Equal("取值依据\nPlan = 计划标准；Industry = 行业标准；History = 历史标准；BudgetStandard = 预算支出标准；Other = 其他标准", basis);
    }
}
