using Jixiao.Web.Features.Demo;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Browser.Tests;

public sealed class ScopeTests(BrowserApp browser)
{
    [Fact]
    public async Task OrganisationPage_UnitUserOpensOtherUnit_SeesNotFound()
    {
        var app = await browser.AppAsync();
        var own = await app.OrgIdAsync(DemoCounty.RegionCode, "10602");
        var sibling = await app.OrgIdAsync(DemoCounty.RegionCode, "10605");
        var neighbour = await app.OrgIdAsync(DemoCounty.NeighbourRegionCode, "10602");

        await using var session = await browser.NewSessionAsync();
        var page = session.Page;
        await session.LoginAsync("yizhong");

        var response = await session.GotoAsync($"/Organisation/Details/{own}");
        Assert.Equal(200, response!.Status);
        await Expect(page.GetByTestId("org-name")).ToHaveTextAsync("襄垣县第一中学校");

        foreach (var (id, name) in new[] { (sibling, "襄垣县实验小学"), (neighbour, "黎城县第一中学校") })
        {
            response = await session.GotoAsync($"/Organisation/Details/{id}");
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByTestId("error-code")).ToHaveTextAsync("404 · 未找到");
            await Expect(page.GetByTestId("org-name")).ToHaveCountAsync(0);
            await Expect(page.Locator("body")).Not.ToContainTextAsync(name);
            // Still signed in: the 404 page keeps the user's menu.
            await Expect(page.GetByTestId("who")).ToContainTextAsync("周涛");
        }
    }
}
