using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests.Access;

/// <summary>A browser without a browser: forms posted with their antiforgery token, cookies kept, redirects not followed.</summary>
internal sealed partial class PageSession(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>The <c>jixiao.auth</c> cookie the last sign-in set, to replay it from another client.</summary>
    public string? AuthCookie { get; private set; }

    public static PageSession Start(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Reads the form at <paramref name="page"/> and posts <paramref name="fields"/> with its antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string page, IDictionary<string, string> fields, string? handler = null) =>
        await PostFormFromAsync(page, await Client.GetStringAsync(page), fields, handler);

    /// <summary>Posts the form of <paramref name="html"/>, a page already read (whose hidden fields the test has used).</summary>
    public async Task<HttpResponseMessage> PostFormFromAsync(string page, string html, IDictionary<string, string> fields, string? handler = null)
    {
        var token = AntiforgeryToken().Match(html);
        Assert.True(token.Success, $"{page} 没有表单：{html[..Math.Min(html.Length, 300)]}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        var target = handler is null ? page : $"{page}{(page.Contains('?') ? '&' : '?')}handler={handler}";
        var response = await Client.PostAsync(target, new FormUrlEncodedContent(form));
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith("jixiao.auth=", StringComparison.Ordinal) && !c.StartsWith("jixiao.auth=;", StringComparison.Ordinal)) is { } auth)
            AuthCookie = auth.Split(';')[0];
        return response;
    }

    public Task<HttpResponseMessage> LoginAsync(string userName, string password) =>
        PostFormAsync("/Account/Login", new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Password, then the authenticator code where the sign-in asks for one; asserts it ends on 工作台.</summary>
    public async Task SignInAsync(string userName, string password, Func<string>? code = null)
    {
        var response = await LoginAsync(userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString == "/Account/SecondFactor")
        {
            Assert.NotNull(code);
            response = await PostFormAsync("/Account/SecondFactor", new Dictionary<string, string> { ["Code"] = code() });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    /// <summary>退出, as the button in the page header posts it.</summary>
    public async Task<HttpResponseMessage> LogoutAsync()
    {
        var html = await Client.GetStringAsync("/");
        var token = AntiforgeryToken().Match(html);
        return await Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        }));
    }

    /// <summary>A client that sends only <paramref name="cookie"/> (a cookie saved earlier, replayed).</summary>
    public static HttpClient Replaying(WebApplicationFactory<Program> app, string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    public void Dispose() => Client.Dispose();

    /// <summary>The value of the hidden input <paramref name="name"/>, or the text of the element marked <c>data-testid</c>.</summary>
    public static string Hidden(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{name}\" value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"{name}\"") is { Success: true } m
            ? (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            : throw new InvalidOperationException($"页面没有 {name}"));

    public static IReadOnlyList<string> TestIdTexts(string html, string testId, string tag = "li")
    {
        var block = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(.*?)</(ol|ul|div|table)>", RegexOptions.Singleline);
        var items = tag == "" ? [block.Groups[1].Value] : Regex.Matches(block.Groups[1].Value, $"<{tag}>(.*?)</{tag}>").Select(m => m.Groups[1].Value);
        return items.Select(t => WebUtility.HtmlDecode(t).Trim()).ToList();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
