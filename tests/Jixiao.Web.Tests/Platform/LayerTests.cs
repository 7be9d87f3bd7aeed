using Jixiao.Web.Data;
using NetArchTest.Rules;

namespace Jixiao.Web.Tests.Platform;

/// <summary>
/// The direction of the code (docs/ARCHITECTURE.md): features use the database layer, never the other way. A type of <c>Jixiao.Web.Data</c> that names a feature's type — in a signature, a field or a method
/// body — fails here with its name.
/// </summary>
public sealed class LayerTests
{
    [Fact]
    public void Data_DoesNotDependOnFeatures()
    {
        var result = Types.InAssembly(typeof(JixiaoDbContext).Assembly)
            .That().ResideInNamespace("Jixiao.Web.Data")
            .ShouldNot().HaveDependencyOnAny("Jixiao.Web.Features", "Jixiao.Web.Cli", "Jixiao.Web.Pages")
            .GetResult();
        Assert.True(result.IsSuccessful,
            "Data 不应依赖功能模块：" + string.Join("；", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }
}
